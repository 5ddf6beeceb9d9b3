import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, requestCandidates } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY } from '../../../domain/requests/program-policy.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { businessDaysFromNow, createActiveAdvocate, createCast, createOpportunity, setProgramPolicy, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
  await setProgramPolicy(t.deps.db, { caps: { ...DEFAULT_PROGRAM_POLICY.caps, restDays: 0 } });
  await t.deps.db.update(accounts).set({ usageCap: 12 }).where(eq(accounts.id, cast.accountId));
});
afterAll(() => t.close());

interface Approval {
  candidateId: string;
  overdue: boolean;
  approvalDueAt: string;
  advocate: { id: string; name: string };
  account: { id: string; name: string };
  request: { id: string; number: number; neededBy: string };
  requester: { id: string; name: string };
  opportunity: { name: string; prospectName: string; stageLabel: string | null; amountUsd: number | null } | null;
  accountLoad: { used: number; cap: number; windowDays: number };
  advocateLoad: { used: number; cap: number };
}

async function pick(accountId: string) {
  const advocate = await createActiveAdvocate(t.deps.db, accountId);
  const deal = await createOpportunity(t.deps.db, cast.seller.id, { amountUsd: 250_000 });
  const res = await cast.seller.client.post('/api/requests', {
    opportunityId: deal.id,
    activityTypeKey: 'reference_call',
    neededBy: businessDaysFromNow(t, 10),
    submit: true,
    pickedAdvocateIds: [advocate.id],
  });
  expect(res.statusCode, res.body).toBe(201);
  const request = res.json<{ id: string; candidates: { id: string }[] }>();
  return { advocate, deal, requestId: request.id, candidateId: request.candidates[0]!.id };
}

describe('GET /api/approvals', () => {
  it('lists the owner’s pending approvals: who asks, for which deal, the account’s load, due first and overdue flagged', async () => {
    const first = await pick(cast.accountId);
    const second = await pick(cast.accountId);
    await pick(cast.otherAccountId);
    // One earlier use already counts against the account.
    const approved = await cast.owner.client.post(`/api/requests/${first.requestId}/candidates/${first.candidateId}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    await t.deps.db.update(requestCandidates).set({ approvalDueAt: new Date(t.clock.now().getTime() - 1000) }).where(eq(requestCandidates.id, second.candidateId));
    const third = await pick(cast.accountId);

    const res = await cast.owner.client.get('/api/approvals');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Approval[] }>().items;
    expect(items.map((i) => i.candidateId)).toEqual([second.candidateId, third.candidateId]);
    expect(items[0]).toMatchObject({
      overdue: true,
      requester: { id: cast.seller.id },
      advocate: { id: second.advocate.id },
      account: { id: cast.accountId },
      opportunity: { prospectName: second.deal.prospectName, stageLabel: 'Proposal', amountUsd: 250_000 },
      accountLoad: { used: 1, cap: 12, windowDays: 365 },
      advocateLoad: { used: 0, cap: 6 },
    });
    expect(items[1]!.overdue).toBe(false);

    const decided = (await cast.owner.client.get('/api/approvals?status=decided')).json<{ items: Approval[] }>().items;
    expect(decided.map((i) => i.candidateId)).toEqual([first.candidateId]);
  });

  it('shows another owner nothing of these, pages on the server, and lets only admins see everyone’s', async () => {
    const mine = await pick(cast.otherAccountId);
    const other = (await cast.otherOwner.client.get('/api/approvals?limit=1')).json<{ items: Approval[]; nextCursor: string | null }>();
    expect(other.items).toHaveLength(1);
    expect(other.items[0]!.account.id).toBe(cast.otherAccountId);
    const rest = (await cast.otherOwner.client.get(`/api/approvals?limit=50&cursor=${other.nextCursor}`)).json<{ items: Approval[] }>();
    expect([...other.items, ...rest.items].map((i) => i.candidateId)).toContain(mine.candidateId);
    expect([...other.items, ...rest.items].every((i) => i.account.id === cast.otherAccountId)).toBe(true);
    for (const person of [cast.seller, cast.marketing, cast.exec]) expect((await person.client.get('/api/approvals')).statusCode).toBe(403);
    expect((await cast.owner.client.get('/api/approvals?scope=all')).statusCode).toBe(403);
    const all = (await cast.admin.client.get('/api/approvals?scope=all&limit=200')).json<{ items: Approval[] }>();
    expect(new Set(all.items.map((i) => i.account.id))).toEqual(new Set([cast.accountId, cast.otherAccountId]));
    expect((await cast.admin.client.get('/api/approvals')).json<{ items: Approval[] }>().items).toEqual([]);
  });
});
