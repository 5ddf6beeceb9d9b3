import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, advocateAskTokens, outboxMessages, requestCandidates } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY } from '../../../domain/requests/program-policy.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import {
  approvedCandidate as approved,
  businessDaysFromNow,
  candidateUrl,
  createActiveAdvocate,
  createCast,
  createOpportunity,
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

describe('proposing candidates', () => {
  it('turns the seller’s picks into candidates at submission, each waiting for its account owner with a due date', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall([advocate.id]);
    expect(request.status).toBe('in_progress');
    expect(request.timeline.map((e) => e.kind)).toEqual(['created', 'submitted', 'candidate_proposed', 'status_changed']);
    expect(request.candidates).toHaveLength(1);
    const candidate = request.candidates[0]!;
    expect(candidate).toMatchObject({ status: 'owner_pending', approver: { id: cast.owner.id }, overdue: false });
    expect(Date.parse(candidate.approvalDueAt!)).toBeGreaterThan(t.clock.now().getTime());
    expect(candidate.allowedActions).toEqual(['withdraw']);
    const [mail] = await t.deps.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'request.approval_requested'), sql`${outboxMessages.payload} ->> 'candidateId' = ${candidate.id}`));
    expect(mail?.bodyText).toContain('approve or decline');
  });

  it('refuses a pick that breaks a hard rule, naming the rule, and proposes nothing', async () => {
    const good = await createActiveAdvocate(t.deps.db, cast.accountId);
    const unwilling = await createActiveAdvocate(t.deps.db, cast.accountId, { willingness: { reference_call: 'no' } });
    const paused = await createActiveAdvocate(t.deps.db, cast.accountId, { status: 'paused' });
    const request = await submittedCall([], 2);
    const res = await cast.seller.client.post(`/api/requests/${request.id}/candidates`, { advocateIds: [good.id, unwilling.id] });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'advocateIds.1', reason: expect.stringMatching(/fails “Willing to do reference calls” \(Said no to reference calls\)/) }]);
    const paused409 = await cast.admin.client.post(`/api/requests/${request.id}/candidates`, { advocateIds: [paused.id] });
    expect(paused409.statusCode).toBe(409);
    expect(paused409.json().detail).toMatch(/“Active advocate” \(Status: paused\)/);
    expect((await cast.seller.client.get(`/api/requests/${request.id}`)).json<Detail>().candidates).toHaveLength(0);
  });

  it('refuses an advocate already tried on the request, and more picks than needed', async () => {
    const [a, b] = [await createActiveAdvocate(t.deps.db, cast.accountId), await createActiveAdvocate(t.deps.db, cast.accountId)];
    const request = await submittedCall([a.id]);
    expect((await cast.seller.client.post(`/api/requests/${request.id}/candidates`, { advocateIds: [a.id] })).statusCode).toBe(409);
    const tooMany = await cast.seller.client.post(`/api/requests/${request.id}/candidates`, { advocateIds: [b.id] });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].reason).toMatch(/at most 0 more/);
  });

  it('lets only the requester (where sellers pick) and admins propose; the program team proposes for other activity types', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall();
    for (const person of [cast.otherSeller, cast.owner, cast.marketing, cast.exec]) {
      expect((await person.client.post(`/api/requests/${request.id}/candidates`, { advocateIds: [advocate.id] })).statusCode).toBe(403);
    }
    const visit = await cast.seller.client.post('/api/requests', {
      opportunityId: (await createOpportunity(t.deps.db, cast.seller.id)).id,
      activityTypeKey: 'site_visit',
      neededBy: businessDaysFromNow(t, 30),
      submit: true,
    });
    expect(visit.json()).toMatchObject({ status: 'matching', selectionMode: 'program_proposes' });
    const visitId = visit.json<Detail>().id;
    expect(visit.json<Detail>().allowedActions).not.toContain('pick_candidates');
    const sellerPick = await cast.seller.client.post(`/api/requests/${visitId}/candidates`, { advocateIds: [advocate.id] });
    expect(sellerPick.statusCode).toBe(403);
    expect(sellerPick.json().detail).toMatch(/program team proposes/);
    const atSubmit = await cast.seller.client.post('/api/requests', {
      opportunityId: (await createOpportunity(t.deps.db, cast.seller.id)).id,
      activityTypeKey: 'site_visit',
      neededBy: businessDaysFromNow(t, 30),
      submit: true,
      pickedAdvocateIds: [advocate.id],
    });
    expect(atSubmit.statusCode).toBe(400);
    const admin = await cast.admin.client.post(`/api/requests/${visitId}/candidates`, { advocateIds: [advocate.id] });
    expect(admin.statusCode, admin.body).toBe(200);
    expect(admin.json<Detail>().candidates[0]).toMatchObject({ status: 'owner_pending' });
  });
});

describe('the relationship owner’s approval', () => {
  it('is the account owner’s step alone, with a reason to decline; replays are refused', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall([advocate.id]);
    const candidate = request.candidates[0];
    for (const person of [cast.seller, cast.otherSeller, cast.otherOwner, cast.marketing, cast.exec, cast.admin]) {
      expect((await person.client.post(candidateUrl(request, candidate, 'approve'), {})).statusCode, 'approve').toBe(403);
      expect((await person.client.post(candidateUrl(request, candidate, 'decline'), { reason: 'no' })).statusCode, 'decline').toBe(403);
    }
    const ownerView = (await cast.owner.client.get(`/api/requests/${request.id}`)).json<Detail>();
    expect(ownerView.candidates[0]!.allowedActions).toEqual(['approve', 'decline']);
    expect((await cast.owner.client.post(candidateUrl(request, candidate, 'decline'), {})).statusCode).toBe(400);
    const approved = await cast.owner.client.post(candidateUrl(request, candidate, 'approve'), {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<Detail>().candidates[0]).toMatchObject({ status: 'advocate_pending', activity: { status: 'held' } });
    expect((await cast.owner.client.post(candidateUrl(request, candidate, 'approve'), {})).statusCode).toBe(409);
    expect((await cast.owner.client.post(candidateUrl(request, candidate, 'decline'), { reason: 'changed my mind' })).statusCode).toBe(409);
  });

  it('issues a signed link whose token is never stored, only its SHA-256', async () => {
    const { candidate, token } = await approvedCandidate();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await t.deps.db.select().from(advocateAskTokens).where(eq(advocateAskTokens.candidateId, candidate.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('sends the request back to matching on a decline: plan B, pick another', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall([advocate.id]);
    const res = await cast.owner.client.post(candidateUrl(request, request.candidates[0], 'decline'), { reason: 'Renewal under negotiation' });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Detail>();
    expect(after.status).toBe('matching');
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'plan_b', reason: expect.stringMatching(/pick another/i) });
    expect(after.timeline.find((e) => e.kind === 'owner_decline')?.reason).toBe('Renewal under negotiation');
    const [notice] = await t.deps.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.kind, 'request.plan_b'), sql`${outboxMessages.payload} ->> 'requestId' = ${request.id}`));
    expect(notice?.bodyText).toMatch(/Renewal under negotiation[\s\S]*pick another advocate/);
  });

  it('flags an approval overdue after its due date', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall([advocate.id]);
    expect(request.candidates[0]!.overdue).toBe(false);
    // Moving the clock would end the sessions too: move the due date instead.
    await t.deps.db
      .update(requestCandidates)
      .set({ approvalDueAt: new Date(t.clock.now().getTime() - 60_000) })
      .where(eq(requestCandidates.id, request.candidates[0]!.id));
    const view = (await cast.owner.client.get(`/api/requests/${request.id}`)).json<Detail>();
    expect(view.candidates[0]).toMatchObject({ status: 'owner_pending', overdue: true });
  });
});



describe('withdrawing and re-matching', () => {
  it('lets the requester withdraw with a reason, releasing the held capacity', async () => {
    const { request, candidate } = await approvedCandidate();
    expect((await cast.otherSeller.client.post(candidateUrl(request, candidate, 'withdraw'), { reason: 'x' })).statusCode).toBe(403);
    expect((await cast.owner.client.post(candidateUrl(request, candidate, 'withdraw'), { reason: 'x' })).statusCode).toBe(403);
    const res = await cast.seller.client.post(candidateUrl(request, candidate, 'withdraw'), { reason: 'Prospect went quiet' });
    expect(res.statusCode, res.body).toBe(200);
    const [activity] = await t.deps.db.select().from(activities).where(eq(activities.candidateId, candidate.id));
    expect(activity?.status).toBe('cancelled');
    expect((await cast.seller.client.post(candidateUrl(request, candidate, 'withdraw'), { reason: 'again' })).statusCode).toBe(409);
  });

  it('re-matches without everyone already tried (admins), keeping the timeline, and proposes the best at once', async () => {
    const tried = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall([tried.id]);
    await cast.owner.client.post(candidateUrl(request, request.candidates[0], 'decline'), { reason: 'Not now' });
    expect((await cast.seller.client.post(`/api/requests/${request.id}/rematch`, {})).statusCode).toBe(403);
    await createActiveAdvocate(t.deps.db, cast.otherAccountId);
    const res = await cast.admin.client.post(`/api/requests/${request.id}/rematch`, { propose: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ request: Detail; matches: { candidates: { advocateId: string }[] } }>();
    expect(body.matches.candidates.length).toBeGreaterThan(0);
    expect(body.matches.candidates.map((c) => c.advocateId)).not.toContain(tried.id);
    expect(body.request.candidates).toHaveLength(2);
    expect(body.request.candidates.map((c) => c.advocate.id).sort()).toEqual([tried.id, body.matches.candidates[0]!.advocateId].sort());
    expect(body.request.status).toBe('in_progress');
    expect(body.request.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'owner_decline', 'plan_b', 'rematched']));
  });

  it('shows a relationship owner only the candidates they are asked about', async () => {
    const mine = await createActiveAdvocate(t.deps.db, cast.accountId);
    const theirs = await createActiveAdvocate(t.deps.db, cast.otherAccountId);
    const request = await submittedCall([mine.id, theirs.id], 2);
    const view = (await cast.owner.client.get(`/api/requests/${request.id}`)).json<Detail>();
    expect(view.candidates).toHaveLength(1);
    expect(view.allowedActions).toEqual([]);
    expect(view.timeline.every((e) => e.candidateId === null || e.candidateId === view.candidates[0]!.id)).toBe(true);
  });
});

describe('roles and order on every remaining step', () => {
  it('refuses the admin-only and requester-only steps to every other role', async () => {
    const { request, candidate } = await approvedCandidate();
    const others = [cast.otherSeller, cast.owner, cast.otherOwner, cast.marketing, cast.exec];
    for (const person of [cast.seller, ...others]) {
      expect((await person.client.post(`/api/requests/${request.id}/rematch`, {})).statusCode, 'rematch').toBe(403);
      expect((await person.client.post(candidateUrl(request, candidate, 'no-answer'), {})).statusCode, 'no-answer').toBe(403);
      expect((await person.client.post(`/api/requests/${request.id}/override-readiness`, { reason: 'x' })).statusCode, 'override').toBe(403);
    }
    for (const person of others) {
      expect((await person.client.post(candidateUrl(request, candidate, 'withdraw'), { reason: 'x' })).statusCode, 'withdraw').toBe(403);
      expect((await person.client.post(`/api/requests/${request.id}/cancel`, { endReason: 'on_hold' })).statusCode, 'cancel').toBe(403);
    }
    expect((await cast.seller.client.get(`/api/requests/${request.id}`)).json<Detail>().candidates[0]!.status).toBe('advocate_pending');
  });

  it('refuses steps taken out of order', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const request = await submittedCall([advocate.id]);
    const candidate = request.candidates[0];
    // Not asked yet: no "no answer", and a link for it (were one to exist) could not accept.
    expect((await cast.admin.client.post(candidateUrl(request, candidate, 'no-answer'), {})).statusCode).toBe(409);
    const token = 'premature-token-premature-token-premature-1';
    await t.deps.db.insert(advocateAskTokens).values({
      candidateId: candidate!.id,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(t.clock.now().getTime() + 86_400_000),
    });
    expect((await t.client().post(`/api/ask/${token}/accept`, {})).statusCode).toBe(409);
    expect((await cast.seller.client.get(`/api/requests/${request.id}`)).json<Detail>().candidates[0]!.status).toBe('owner_pending');
    // A request in matching is not overridden or submitted again; a draft gets no candidates.
    expect((await cast.admin.client.post(`/api/requests/${request.id}/override-readiness`, { reason: 'x' })).statusCode).toBe(409);
    expect((await cast.seller.client.post(`/api/requests/${request.id}/submit`, {})).statusCode).toBe(409);
    const draft = (
      await cast.seller.client.post('/api/requests', {
        opportunityId: (await createOpportunity(t.deps.db, cast.seller.id)).id,
        activityTypeKey: 'reference_call',
        neededBy: businessDaysFromNow(t, 10),
      })
    ).json<Detail>();
    expect((await cast.seller.client.post(`/api/requests/${draft.id}/candidates`, { advocateIds: [advocate.id] })).statusCode).toBe(409);
    expect((await cast.admin.client.post(`/api/requests/${draft.id}/rematch`, {})).statusCode).toBe(409);
    // Once cancelled, nothing moves.
    await cast.seller.client.post(`/api/requests/${request.id}/cancel`, { endReason: 'no_longer_needed' });
    expect((await cast.owner.client.post(candidateUrl(request, candidate, 'approve'), {})).statusCode).toBe(409);
    expect((await cast.admin.client.post(`/api/requests/${request.id}/candidates`, { advocateIds: [advocate.id] })).statusCode).toBe(409);
  });
});
