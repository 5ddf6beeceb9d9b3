import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, outboxMessages } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY } from '../../../domain/requests/program-policy.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import {
  approvedCandidate as approved,
  candidateUrl,
  createActiveAdvocate,
  createCast,
  setProgramPolicy,
  submitCall,
  type Cast,
  type RequestJson as Detail,
} from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
  await setProgramPolicy(t.deps.db, { caps: { ...DEFAULT_PROGRAM_POLICY.caps, restDays: 0 } });
});
afterAll(() => t.close());

const submittedCall = (picks: string[] = [], referencesNeeded = 1) => submitCall(t, cast, picks, referencesNeeded);
const approvedCandidate = () => approved(t, cast);

describe('the advocate’s answer by signed link', () => {
  it('shows who asks, for what kind of company, when and about what, and none of the requester’s internals', async () => {
    const { token, advocate } = await approvedCandidate();
    const res = await t.client().get(`/api/ask/${token}`);
    expect(res.statusCode, res.body).toBe(200);
    const ask = res.json();
    expect(ask).toMatchObject({ state: 'open', advocateFirstName: 'Ada', activityLabel: 'Reference call', topics: ['Security'], prospect: { industry: 'Banking', country: 'France' } });
    expect(ask.context).toMatch(/banking company in France/);
    expect(res.body).not.toMatch(/2M|Initech|Internal/);
    expect(res.body).not.toContain(advocate.email!);
  });

  it('accepts once; the link then shows the answer and refuses another', async () => {
    const { request, token } = await approvedCandidate();
    const res = await t.client().post(`/api/ask/${token}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'answered', status: 'accepted' });
    expect((await t.client().post(`/api/ask/${token}/accept`, {})).statusCode).toBe(409);
    expect((await t.client().post(`/api/ask/${token}/decline`, { reason: 'oops' })).statusCode).toBe(409);
    expect((await t.client().get(`/api/ask/${token}`)).json()).toMatchObject({ state: 'answered' });
    const view = (await cast.seller.client.get(`/api/requests/${request.id}`)).json<Detail>();
    expect(view).toMatchObject({ status: 'fulfilled' });
    expect(view.candidates[0]).toMatchObject({ status: 'accepted', activity: { status: 'planned' } });
    expect(view.candidates[0]!.allowedActions).toEqual(expect.arrayContaining(['reveal_contact', 'schedule', 'withdraw']));
    const notice = await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'request.advocate_accepted'));
    expect(notice.length).toBeGreaterThan(0);
  });

  it('answers an unknown token 404 and an expired one 410', async () => {
    expect((await t.client().get('/api/ask/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await t.client().post('/api/ask/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/accept', {})).statusCode).toBe(404);
    expect((await t.client().get('/api/ask/not%20a%20token')).statusCode).toBe(400);
    const { token } = await approvedCandidate();
    t.clock.advance(30 * 86_400_000);
    try {
      expect((await t.client().get(`/api/ask/${token}`)).statusCode).toBe(410);
      expect((await t.client().post(`/api/ask/${token}/accept`, {})).statusCode).toBe(410);
    } finally {
      t.clock.advance(-30 * 86_400_000);
    }
  });

  it('declines with a reason (plan B) or proposes other dates', async () => {
    const declined = await approvedCandidate();
    expect((await t.client().post(`/api/ask/${declined.token}/decline`, {})).statusCode).toBe(400);
    const res = await t.client().post(`/api/ask/${declined.token}/decline`, { reason: 'Travelling all month' });
    expect(res.statusCode, res.body).toBe(200);
    const after = (await cast.seller.client.get(`/api/requests/${declined.request.id}`)).json<Detail>();
    expect(after.status).toBe('matching');
    expect(after.candidates[0]).toMatchObject({ status: 'advocate_declined', activity: { status: 'cancelled' } });
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'plan_b' });

    const proposing = await approvedCandidate();
    const past = await t.client().post(`/api/ask/${proposing.token}/propose-dates`, { dates: [{ startsAt: '2001-01-01T10:00:00Z' }] });
    expect(past.statusCode).toBe(400);
    // Beyond the scheduling horizon: refused here, or it could never be accepted.
    const tooFar = new Date(t.clock.now().getTime() + 3 * 365 * 86_400_000).toISOString();
    const far = await t.client().post(`/api/ask/${proposing.token}/propose-dates`, { dates: [{ startsAt: tooFar }] });
    expect(far.statusCode).toBe(400);
    expect(far.json().errors).toEqual([{ field: 'dates.0.startsAt', reason: 'must be within 2 years' }]);
    const later = new Date(t.clock.now().getTime() + 20 * 86_400_000).toISOString();
    const proposed = await t.client().post(`/api/ask/${proposing.token}/propose-dates`, { dates: [{ startsAt: later, note: 'mornings' }], note: 'Busy until then' });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json()).toMatchObject({ status: 'dates_proposed', proposedDates: [{ startsAt: later, note: 'mornings' }] });
    expect((await cast.seller.client.get(`/api/requests/${proposing.request.id}`)).json()).toMatchObject({ status: 'in_progress' });
  });

  it('has no signed-in route that answers for the advocate', async () => {
    const { request, candidate } = await approvedCandidate();
    for (const step of ['accept', 'advocate-accept', 'propose-dates', 'advocate-decline']) {
      for (const person of [cast.admin, cast.seller, cast.owner]) {
        expect((await person.client.post(candidateUrl(request, candidate, step), {})).statusCode, step).toBe(404);
      }
    }
    expect((await cast.seller.client.get(`/api/requests/${request.id}`)).json<Detail>().candidates[0]!.status).toBe('advocate_pending');
  });

  it('closes the link when the candidate was withdrawn or marked as not answering', async () => {
    const { request, candidate, token } = await approvedCandidate();
    expect((await cast.seller.client.post(candidateUrl(request, candidate, 'no-answer'), {})).statusCode).toBe(403);
    const res = await cast.admin.client.post(candidateUrl(request, candidate, 'no-answer'), {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>()).toMatchObject({ status: 'matching', candidates: [{ status: 'no_answer', activity: { status: 'cancelled' } }] });
    expect((await t.client().get(`/api/ask/${token}`)).json()).toMatchObject({ state: 'closed' });
    expect((await t.client().post(`/api/ask/${token}/accept`, {})).statusCode).toBe(409);
  });
});
describe('the protected reveal', () => {
  it('answers 403 before the advocate said yes, on every path', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall([advocate.id]);
    const url = `/api/requests/${request.id}/candidates/${request.candidates[0]!.id}/contact`;
    expect((await cast.seller.client.get(url)).statusCode).toBe(403);
    await cast.owner.client.post(candidateUrl(request, request.candidates[0], 'approve'), {});
    for (const person of [cast.seller, cast.admin, cast.owner, cast.otherSeller, cast.marketing, cast.exec]) {
      expect((await person.client.get(url)).statusCode).toBe(403);
    }
    const body = (await cast.seller.client.get(`/api/requests/${request.id}`)).body;
    expect(body).not.toContain(advocate.email!);
    expect(body).not.toContain(advocate.phone!);
    expect(body).not.toMatch(/"email"|"phone"/);
  });

  it('gives the requester (and admins) the contact details once both said yes, audited each time; nobody else', async () => {
    const { request, candidate, token, advocate } = await approvedCandidate();
    await t.client().post(`/api/ask/${token}/accept`, {});
    const url = `/api/requests/${request.id}/candidates/${candidate.id}/contact`;
    const res = await cast.seller.client.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ email: advocate.email, phone: advocate.phone });
    expect((await cast.admin.client.get(url)).statusCode).toBe(200);
    for (const person of [cast.otherSeller, cast.owner, cast.otherOwner, cast.marketing, cast.exec]) {
      expect((await person.client.get(url)).statusCode).toBe(403);
    }
    const audits = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'protected_field.revealed'), eq(auditEvents.targetId, advocate.id)));
    expect(audits.map((a) => a.actorUserId).sort()).toEqual([cast.seller.id, cast.admin.id].sort());
    expect(audits[0]!.details).toMatchObject({ fields: ['email', 'phone'], reason: expect.stringMatching(/^request R-\d+$/) });
    // A candidate of another request is not reachable through this one.
    const other = await approvedCandidate();
    expect((await cast.seller.client.get(`/api/requests/${request.id}/candidates/${other.candidate.id}/contact`)).statusCode).toBe(404);
  });
});
