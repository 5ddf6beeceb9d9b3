import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, requestCandidates } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY } from '../../../domain/requests/program-policy.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { businessDaysFromNow, createActiveAdvocate, createCast, createOpportunity, setProgramPolicy, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
  await setProgramPolicy(t.deps.db, { caps: { ...DEFAULT_PROGRAM_POLICY.caps, restDays: 0 } });
});
afterAll(() => t.close());

interface QueueItem {
  kind: string;
  dueAt: string;
  request: { id: string; selectionMode: string; candidatesTried: number };
  candidate: { id: string; advocate: { name: string }; approver: { id: string } | null } | null;
}

async function request(opts: { stageKey?: string; picks?: string[]; activityTypeKey?: string } = {}) {
  const deal = await createOpportunity(t.deps.db, cast.seller.id, { stageKey: opts.stageKey ?? 'proposal' });
  const res = await cast.seller.client.post('/api/requests', {
    opportunityId: deal.id,
    activityTypeKey: opts.activityTypeKey ?? 'reference_call',
    neededBy: businessDaysFromNow(t, 20),
    submit: true,
    pickedAdvocateIds: opts.picks ?? [],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; candidates: { id: string }[] }>();
}

const past = () => new Date(t.clock.now().getTime() - 3_600_000);

describe('GET /api/program-queue', () => {
  it('puts overdue approvals first, then approvals due soon, asks without answer, requests waiting for candidates, blocked ones, missing debriefs', async () => {
    const blocked = await request({ stageKey: 'discovery' });
    const waiting = await request({ activityTypeKey: 'site_visit' });
    const overdue = await request({ picks: [(await createActiveAdvocate(t.deps.db, cast.accountId)).id] });
    await t.deps.db.update(requestCandidates).set({ approvalDueAt: past() }).where(eq(requestCandidates.id, overdue.candidates[0]!.id));
    const soon = await request({ picks: [(await createActiveAdvocate(t.deps.db, cast.accountId)).id] });
    await t.deps.db.update(requestCandidates).set({ approvalDueAt: new Date(t.clock.now().getTime() + 3_600_000) }).where(eq(requestCandidates.id, soon.candidates[0]!.id));
    const silent = await request({ picks: [(await createActiveAdvocate(t.deps.db, cast.accountId)).id] });
    await cast.owner.client.post(`/api/requests/${silent.id}/candidates/${silent.candidates[0]!.id}/approve`, {});
    await t.deps.db.update(requestCandidates).set({ askExpiresAt: past() }).where(eq(requestCandidates.id, silent.candidates[0]!.id));
    const declined = await request({ picks: [(await createActiveAdvocate(t.deps.db, cast.accountId)).id] });
    await cast.owner.client.post(`/api/requests/${declined.id}/candidates/${declined.candidates[0]!.id}/decline`, { reason: 'Escalation open' });
    const done = await request({ picks: [(await createActiveAdvocate(t.deps.db, cast.accountId)).id] });
    await cast.owner.client.post(`/api/requests/${done.id}/candidates/${done.candidates[0]!.id}/approve`, {});
    await t.deps.db.update(activities).set({ status: 'planned', occursOn: '2020-01-06' }).where(eq(activities.candidateId, done.candidates[0]!.id));

    const res = await cast.admin.client.get('/api/program-queue?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: QueueItem[] }>().items;
    const order = ['overdue_approval', 'approval_due_soon', 'no_answer', 'needs_candidates', 'blocked', 'debrief_missing'];
    const ranks = items.map((i) => order.indexOf(i.kind));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const find = (kind: string, requestId: string) => items.find((i) => i.kind === kind && i.request.id === requestId);
    expect(find('overdue_approval', overdue.id)?.candidate).toMatchObject({ approver: { id: cast.owner.id } });
    expect(find('approval_due_soon', soon.id)).toBeDefined();
    expect(find('no_answer', silent.id)).toBeDefined();
    expect(find('needs_candidates', waiting.id)?.request).toMatchObject({ selectionMode: 'program_proposes', candidatesTried: 0 });
    expect(find('needs_candidates', declined.id)?.request).toMatchObject({ selectionMode: 'seller_picks', candidatesTried: 1 });
    expect(find('blocked', blocked.id)).toBeDefined();
    expect(find('debrief_missing', done.id)).toBeDefined();
    // A filter by kind, and keyset paging through the same order.
    const onlyBlocked = (await cast.admin.client.get('/api/program-queue?kind=blocked')).json<{ items: QueueItem[] }>().items;
    expect(onlyBlocked.map((i) => i.kind)).toEqual(['blocked']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: QueueItem[]; nextCursor: string | null } = (await cast.admin.client.get(`/api/program-queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...page.items.map((i) => `${i.kind}:${i.candidate?.id ?? i.request.id}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((i) => `${i.kind}:${i.candidate?.id ?? i.request.id}`));
  });

  it('is for admins only', async () => {
    for (const person of [cast.seller, cast.owner, cast.marketing, cast.exec]) {
      expect((await person.client.get('/api/program-queue')).statusCode).toBe(403);
    }
    expect((await cast.admin.client.get('/api/program-queue?cursor=garbage')).statusCode).toBe(400);
  });
});
