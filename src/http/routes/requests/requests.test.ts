import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { businessDaysFromNow, createActiveAdvocate, createCast, createOpportunity, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
});
afterAll(() => t.close());

interface Detail {
  id: string;
  number: number;
  status: string;
  rush: boolean;
  prospect: Record<string, unknown>;
  readinessGaps: { kind: string; message: string }[];
  readinessOverrideReason: string | null;
  candidates: { id: string; status: string }[];
  timeline: { kind: string; reason: string | null; data: Record<string, unknown> }[];
  allowedActions: string[];
}

const readyDeal = () => createOpportunity(t.deps.db, cast.seller.id);
const callBody = (opportunityId: string | null, extra: Record<string, unknown> = {}) => ({
  opportunityId,
  activityTypeKey: 'reference_call',
  neededBy: businessDaysFromNow(t, 10),
  topicKeys: ['security'],
  criteria: [{ kind: 'industry', values: ['banking'], mustHave: false }],
  ...extra,
});

describe('creating and editing requests', () => {
  it('creates a draft prefilled from the opportunity; the requester may edit it', async () => {
    const deal = await readyDeal();
    const res = await cast.seller.client.post('/api/requests', callBody(deal.id, { prospect: { contactSeniorityKey: 'vp' } }));
    expect(res.statusCode, res.body).toBe(201);
    const draft = res.json<Detail>();
    expect(draft.status).toBe('draft');
    expect(draft.prospect).toMatchObject({ name: deal.prospectName, industryKey: 'banking', country: 'FR', employeeCount: 2000, contactSeniorityKey: 'vp' });
    expect(draft.allowedActions).toEqual(expect.arrayContaining(['edit', 'submit', 'cancel']));
    const patched = await cast.seller.client.patch(`/api/requests/${draft.id}`, { note: 'CFO wants proof', referencesNeeded: 2 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ note: 'CFO wants proof', referencesNeeded: 2 });
  });

  it('reports every bad field at once', async () => {
    const deal = await readyDeal();
    const res = await cast.seller.client.post('/api/requests', {
      ...callBody(deal.id),
      activityTypeKey: 'telepathy',
      topicKeys: ['security', 'blockchain'],
      neededBy: '2001-01-01',
      criteria: [{ kind: 'country', values: ['XX'], mustHave: true }],
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field).sort();
    expect(fields).toEqual(['activityTypeKey', 'criteria.0.values.0', 'neededBy', 'topicKeys.1']);
  });

  it('refuses a seller a request for someone else’s deal, and a sales request without a deal', async () => {
    const theirs = await createOpportunity(t.deps.db, cast.otherSeller.id);
    expect((await cast.seller.client.post('/api/requests', callBody(theirs.id))).statusCode).toBe(403);
    const none = await cast.seller.client.post('/api/requests', callBody(null));
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([expect.objectContaining({ field: 'opportunityId' })]);
  });

  it('lets marketing request without an opportunity, for a purpose', async () => {
    const missing = await cast.marketing.client.post('/api/requests', { activityTypeKey: 'case_study', neededBy: businessDaysFromNow(t, 40) });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'purpose' })]);
    const res = await cast.marketing.client.post('/api/requests', {
      activityTypeKey: 'case_study',
      purpose: 'Banking case study for the spring campaign',
      neededBy: businessDaysFromNow(t, 40),
      prospect: { industryKey: 'banking', country: 'DE' },
      submit: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'matching', opportunity: null, selectionMode: 'program_proposes' });
  });

  it.each(['owner', 'exec'] as const)('refuses request creation to the %s role', async (role) => {
    const person = role === 'owner' ? cast.owner : cast.exec;
    expect((await person.client.post('/api/requests', callBody(null, { purpose: 'x' }))).statusCode).toBe(403);
    expect((await person.client.post('/api/requests/preview', callBody(null))).statusCode).toBe(403);
  });

  it('refuses anonymous calls with 401', async () => {
    for (const [method, url] of [
      ['GET', '/api/requests'],
      ['POST', '/api/requests'],
      ['POST', '/api/requests/preview'],
      ['GET', '/api/requests/00000000-0000-4000-8000-000000000000'],
      ['GET', '/api/approvals'],
      ['GET', '/api/program-queue'],
    ] as const) {
      // A valid body: validation comes before authentication.
      expect((await t.client().request({ method, url, payload: method === 'POST' ? callBody(null, { purpose: 'x' }) : undefined })).statusCode, url).toBe(401);
    }
  });

  it('refuses edits once submitted (409), and by other people (403)', async () => {
    const deal = await readyDeal();
    const created = (await cast.seller.client.post('/api/requests', callBody(deal.id, { submit: true }))).json<Detail>();
    expect(created.status).toBe('matching');
    expect((await cast.seller.client.patch(`/api/requests/${created.id}`, { note: 'late' })).statusCode).toBe(409);
    const draft = (await cast.seller.client.post('/api/requests', callBody(deal.id))).json<Detail>();
    for (const person of [cast.otherSeller, cast.owner, cast.marketing, cast.exec]) {
      expect((await person.client.patch(`/api/requests/${draft.id}`, { note: 'mine now' })).statusCode).toBe(403);
    }
    expect((await cast.admin.client.patch(`/api/requests/${draft.id}`, { note: 'tidied' })).statusCode).toBe(200);
  });
});

describe('the live check and the readiness gate', () => {
  it('blocks a request that is not ready with exactly what is missing; an admin override lets it through, audited', async () => {
    const early = await createOpportunity(t.deps.db, cast.seller.id, { stageKey: 'discovery', decisionMakerBuyIn: false });
    const res = await cast.seller.client.post('/api/requests', callBody(early.id, { submit: true }));
    expect(res.statusCode, res.body).toBe(201);
    const blocked = res.json<Detail>();
    expect(blocked.status).toBe('blocked');
    expect(blocked.readinessGaps.map((g) => g.kind).sort()).toEqual(['fact', 'stage']);
    const event = blocked.timeline.find((e) => e.kind === 'blocked');
    expect(event?.data.meanwhile).toEqual(expect.arrayContaining([expect.stringMatching(/content|case stud/i)]));
    expect(blocked.allowedActions).toEqual(expect.arrayContaining(['edit', 'submit', 'cancel']));
    expect(blocked.allowedActions).not.toContain('override_readiness');

    // Re-submitting while nothing changed keeps it blocked.
    expect((await cast.seller.client.post(`/api/requests/${blocked.id}/submit`, {})).json()).toMatchObject({ status: 'blocked' });
    // Only admins override, and only with a reason.
    expect((await cast.seller.client.post(`/api/requests/${blocked.id}/override-readiness`, { reason: 'please' })).statusCode).toBe(403);
    expect((await cast.admin.client.post(`/api/requests/${blocked.id}/override-readiness`, { reason: '  ' })).statusCode).toBe(400);
    const adminView = (await cast.admin.client.get(`/api/requests/${blocked.id}`)).json<Detail>();
    expect(adminView.allowedActions).toContain('override_readiness');
    const overridden = await cast.admin.client.post(`/api/requests/${blocked.id}/override-readiness`, { reason: 'CEO-level deal, exec sponsor asked' });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect(overridden.json()).toMatchObject({ status: 'matching', readinessOverrideReason: 'CEO-level deal, exec sponsor asked' });
    const audit = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'request.readiness_overridden'), eq(auditEvents.targetId, blocked.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ reason: 'CEO-level deal, exec sponsor asked' });
    // The requester hears that their blocked request moved, and why: by e-mail and on the bell.
    const notices = await t.deps.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'request.readiness_overridden'), sql`${outboxMessages.payload} ->> 'requestId' = ${blocked.id}`));
    expect(notices).toHaveLength(1);
    expect(notices[0]!.recipientUserId).toBe(cast.seller.id);
    expect(notices[0]!.bodyText).toMatch(/CEO-level deal, exec sponsor asked[\s\S]*matching/);
    const bell = (await cast.seller.client.get('/api/notifications')).json<{ items: { kind: string; title: string }[] }>();
    expect(bell.items.find((n) => n.kind === 'request.readiness_overridden')?.title).toMatch(/let your request through/);
    // Replayed: the request is no longer blocked.
    expect((await cast.admin.client.post(`/api/requests/${blocked.id}/override-readiness`, { reason: 'again' })).statusCode).toBe(409);
  });

  it('lets a blocked request through once the deal has moved on', async () => {
    const early = await createOpportunity(t.deps.db, cast.seller.id, { stageKey: 'discovery' });
    const blocked = (await cast.seller.client.post('/api/requests', callBody(early.id, { submit: true }))).json<Detail>();
    expect(blocked.status).toBe('blocked');
    const moved = await cast.seller.client.patch(`/api/opportunities/${early.id}`, { stageKey: 'proposal' });
    expect(moved.statusCode, moved.body).toBe(200);
    const submitted = await cast.seller.client.post(`/api/requests/${blocked.id}/submit`, {});
    expect(submitted.json()).toMatchObject({ status: 'matching', readinessGaps: [] });
  });

  it('requires a justification for a deadline inside the lead time and counts it as a rush', async () => {
    const deal = await readyDeal();
    const soon = callBody(deal.id, { neededBy: businessDaysFromNow(t, 2), submit: true });
    const refused = await cast.seller.client.post('/api/requests', soon);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'rushJustification' })]);
    const res = await cast.seller.client.post('/api/requests', { ...soon, rushJustification: 'Board meets Thursday' });
    expect(res.statusCode, res.body).toBe(201);
    const rushed = res.json<Detail>();
    expect(rushed).toMatchObject({ status: 'matching', rush: true });
    expect(rushed.timeline.find((e) => e.kind === 'submitted')?.reason).toBe('Board meets Thursday');
    // A draft submitted later gives its justification with the submission.
    const draft = (await cast.seller.client.post('/api/requests', { ...soon, submit: false })).json<Detail>();
    expect((await cast.seller.client.post(`/api/requests/${draft.id}/submit`, {})).statusCode).toBe(400);
    const later = await cast.seller.client.post(`/api/requests/${draft.id}/submit`, { rushJustification: 'Shortlist decision on Monday' });
    expect(later.json()).toMatchObject({ status: 'matching', rush: true, rushJustification: 'Shortlist decision on Monday' });
  });

  it('refuses submit by anyone but the requester, and submit twice', async () => {
    const deal = await readyDeal();
    const draft = (await cast.seller.client.post('/api/requests', callBody(deal.id))).json<Detail>();
    for (const person of [cast.otherSeller, cast.admin, cast.owner, cast.marketing, cast.exec]) {
      expect((await person.client.post(`/api/requests/${draft.id}/submit`, {})).statusCode).toBe(403);
    }
    expect((await cast.seller.client.post(`/api/requests/${draft.id}/submit`, {})).statusCode).toBe(200);
    expect((await cast.seller.client.post(`/api/requests/${draft.id}/submit`, {})).statusCode).toBe(409);
  });
});

describe('the API description', () => {
  it('documents the request workflow routes', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/requests',
        '/api/requests/{id}',
        '/api/requests/preview',
        '/api/requests/{id}/candidates/{candidateId}/approve',
        '/api/requests/{id}/candidates/{candidateId}/contact',
        '/api/approvals',
        '/api/program-queue',
        '/api/ask/{token}',
        '/api/ask/{token}/propose-dates',
      ]),
    );
  });
});

describe('reading requests', () => {
  it('lists the seller’s own requests, filtered and paged on the server; only admins list everyone’s', async () => {
    const deal = await readyDeal();
    for (let i = 0; i < 3; i++) await cast.seller.client.post('/api/requests', callBody(deal.id));
    await cast.otherSeller.client.post('/api/requests', callBody((await createOpportunity(t.deps.db, cast.otherSeller.id)).id));
    const first = await cast.seller.client.get('/api/requests?limit=2&status=draft');
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json<{ items: { id: string; requester: { id: string }; status: string }[]; nextCursor: string | null }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = (await cast.seller.client.get(`/api/requests?limit=2&status=draft&cursor=${page1.nextCursor}`)).json<{ items: { id: string }[] }>();
    expect(page2.items.length).toBeGreaterThan(0);
    expect(page2.items.map((i) => i.id)).not.toContain(page1.items[0]!.id);
    const all = (await cast.seller.client.get('/api/requests?limit=200')).json<{ items: { requester: { id: string } }[] }>();
    expect(all.items.every((i) => i.requester.id === cast.seller.id)).toBe(true);
    expect((await cast.seller.client.get('/api/requests?scope=all')).statusCode).toBe(403);
    const everyone = (await cast.admin.client.get('/api/requests?scope=all&limit=200')).json<{ items: { requester: { id: string } }[] }>();
    expect(new Set(everyone.items.map((i) => i.requester.id))).toEqual(expect.objectContaining({ size: expect.any(Number) }));
    expect(everyone.items.some((i) => i.requester.id === cast.otherSeller.id)).toBe(true);
    expect((await cast.seller.client.get('/api/requests?cursor=nonsense')).statusCode).toBe(400);
    expect((await cast.owner.client.get('/api/requests')).statusCode).toBe(403);
    expect((await cast.exec.client.get('/api/requests')).statusCode).toBe(403);
  });

  it('finds requests by number or prospect name', async () => {
    const deal = await readyDeal();
    const created = (await cast.seller.client.post('/api/requests', callBody(deal.id))).json<Detail>();
    const byNumber = (await cast.seller.client.get(`/api/requests?q=R-${created.number}`)).json<{ items: { id: string }[] }>();
    expect(byNumber.items.map((i) => i.id)).toEqual([created.id]);
    const byProspect = (await cast.seller.client.get(`/api/requests?q=${encodeURIComponent(deal.prospectName)}`)).json<{ items: { id: string }[] }>();
    expect(byProspect.items.map((i) => i.id)).toEqual([created.id]);
  });

  it('shows a request to its requester and admins only (object level)', async () => {
    const deal = await readyDeal();
    const created = (await cast.seller.client.post('/api/requests', callBody(deal.id))).json<Detail>();
    expect((await cast.seller.client.get(`/api/requests/${created.id}`)).statusCode).toBe(200);
    expect((await cast.admin.client.get(`/api/requests/${created.id}`)).statusCode).toBe(200);
    for (const person of [cast.otherSeller, cast.owner, cast.otherOwner, cast.marketing, cast.exec]) {
      expect((await person.client.get(`/api/requests/${created.id}`)).statusCode).toBe(403);
    }
    expect((await cast.seller.client.get('/api/requests/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('lists the requests of an opportunity: all for its seller and admins', async () => {
    const deal = await readyDeal();
    await cast.seller.client.post('/api/requests', callBody(deal.id));
    await cast.admin.client.post('/api/requests', callBody(deal.id));
    const mine = (await cast.seller.client.get(`/api/opportunities/${deal.id}/requests`)).json<{ items: unknown[] }>();
    expect(mine.items).toHaveLength(2);
    const other = (await cast.otherSeller.client.get(`/api/opportunities/${deal.id}/requests`)).json<{ items: unknown[] }>();
    expect(other.items).toHaveLength(0);
    expect((await cast.seller.client.get('/api/opportunities/00000000-0000-4000-8000-000000000000/requests')).statusCode).toBe(404);
  });
});

describe('cancelling', () => {
  it('ends a request with a reason and note; replays and other people are refused', async () => {
    const deal = await readyDeal();
    const created = (await cast.seller.client.post('/api/requests', callBody(deal.id, { submit: true }))).json<Detail>();
    expect((await cast.otherSeller.client.post(`/api/requests/${created.id}/cancel`, { endReason: 'on_hold' })).statusCode).toBe(403);
    expect((await cast.seller.client.post(`/api/requests/${created.id}/cancel`, { endReason: 'bored' })).statusCode).toBe(400);
    const res = await cast.seller.client.post(`/api/requests/${created.id}/cancel`, { endReason: 'on_hold', note: 'Budget frozen until Q3' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', endReason: 'on_hold', endNote: 'Budget frozen until Q3', allowedActions: [] });
    expect((await cast.seller.client.post(`/api/requests/${created.id}/cancel`, { endReason: 'on_hold' })).statusCode).toBe(409);
  });

  it('withdraws candidates in flight, releasing what they held', async () => {
    const deal = await readyDeal();
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const created = (await cast.seller.client.post('/api/requests', callBody(deal.id, { submit: true, pickedAdvocateIds: [advocate.id] }))).json<Detail>();
    expect(created.candidates).toHaveLength(1);
    const approved = await cast.owner.client.post(`/api/requests/${created.id}/candidates/${created.candidates[0]!.id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    const res = await cast.admin.client.post(`/api/requests/${created.id}/cancel`, { endReason: 'no_longer_needed' });
    expect(res.statusCode, res.body).toBe(200);
    const detail = res.json<Detail & { candidates: { status: string; activity: { status: string } | null }[] }>();
    expect(detail.candidates[0]).toMatchObject({ status: 'withdrawn', activity: { status: 'cancelled' } });
  });
});
