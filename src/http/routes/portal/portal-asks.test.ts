import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../db/rows.js';
import { activities, advocates, auditEvents, outboxMessages, requestCandidates } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { portalRequest, signInAdvocate, type PortalSession } from '../../../../test/helpers/portal-session.js';
import { DEFAULT_PROGRAM_POLICY } from '../../../domain/requests/program-policy.js';
import { approvedCandidate, candidateUrl, createCast, setProgramPolicy, submitCall, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
  await setProgramPolicy(t.deps.db, { caps: { ...DEFAULT_PROGRAM_POLICY.caps, restDays: 0 } });
});

/** E-mails to requesters that name this advocate (kinds as the catalogue or the callers spell them). */
const toldAbout = (advocate: { lastName: string }, kinds: string[]) =>
  t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(inArray(outboxMessages.kind, kinds), sql`${outboxMessages.bodyText} like ${`%${advocate.lastName}%`}`));
afterAll(() => t.close());

const get = (session: PortalSession, url: string) => portalRequest(t.app, session, { method: 'GET', url });
const post = (session: PortalSession, url: string, payload: object = {}) => portalRequest(t.app, session, { method: 'POST', url, payload });
const inDays = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

async function pendingAsk() {
  const loop = await approvedCandidate(t, cast);
  const session = await signInAdvocate(t.app, t.deps.db, loop.advocate.id, t.clock.now());
  return { ...loop, session };
}

describe('pending asks in the portal', () => {
  it('lists my pending ask with what the ask page shows, and nothing internal', async () => {
    const { session, candidate } = await pendingAsk();
    const res = await get(session, '/api/portal/asks');
    expect(res.statusCode, res.body).toBe(200);
    const [ask] = res.json<{ items: Record<string, unknown>[] }>().items;
    expect(ask).toMatchObject({ candidateId: candidate.id, status: 'advocate_pending', activityLabel: 'Reference call', topics: ['Security'], requester: { team: 'Sales' } });
    expect(ask!.context).toMatch(/a banking company in France/);
    expect(ask!.answerBy).not.toBeNull();
    expect(res.body).not.toContain('Initech');
    expect(res.body).not.toContain('2M');
  });

  it('accepts through the same use case as the signed link (which then shows it answered)', async () => {
    const { session, candidate, token, advocate } = await pendingAsk();
    const res = await post(session, `/api/portal/asks/${candidate.id}/accept`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: { candidateId: string; status: string }[] }>().items.find((i) => i.candidateId === candidate.id)).toMatchObject({ status: 'accepted' });
    const [activity] = await t.deps.db.select().from(activities).where(eq(activities.candidateId, candidate.id));
    expect(activity!.status).toBe('planned');
    expect((await t.client().get(`/api/ask/${token}`)).json()).toMatchObject({ state: 'answered', status: 'accepted' });
    expect((await t.client().post(`/api/ask/${token}/accept`, {})).statusCode).toBe(409);
    expect((await post(session, `/api/portal/asks/${candidate.id}/accept`)).statusCode).toBe(409);
    expect(await toldAbout(advocate, ['request.advocate_accept', 'request.advocate_accepted'])).toHaveLength(1);
  });

  it('declines with a reason only', async () => {
    const { session, candidate } = await pendingAsk();
    const empty = await post(session, `/api/portal/asks/${candidate.id}/decline`, { reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ errors: [{ field: 'reason' }] });
    expect((await post(session, `/api/portal/asks/${candidate.id}/decline`, { reason: 'On holiday that month' })).statusCode).toBe(200);
    const [row] = await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, candidate.id));
    expect(row).toMatchObject({ status: 'advocate_declined', advocateReason: 'On holiday that month' });
  });

  it('proposes up to 3 dates, in the future', async () => {
    const { session, candidate } = await pendingAsk();
    const url = `/api/portal/asks/${candidate.id}/propose`;
    expect((await post(session, url, { dates: [1, 2, 3, 4].map((d) => ({ startsAt: inDays(d) })) })).statusCode).toBe(400);
    const past = await post(session, url, { dates: [{ startsAt: inDays(-1) }] });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ errors: [{ field: 'dates.0.startsAt', reason: 'is in the past' }] });
    expect((await post(session, url, { dates: [{ startsAt: 'next tuesday' }] })).statusCode).toBe(400);
    const ok = await post(session, url, { dates: [{ startsAt: inDays(3) }, { startsAt: inDays(4), note: 'morning' }], note: 'Any of these' });
    expect(ok.statusCode, ok.body).toBe(200);
    const mine = ok.json<{ items: { candidateId: string; status: string; proposedDates: unknown[] }[] }>().items.find((i) => i.candidateId === candidate.id);
    expect(mine).toMatchObject({ status: 'dates_proposed' });
    expect(mine!.proposedDates).toHaveLength(2);
  });

  it('treats another advocate’s ask as not found, and needs a session and the CSRF token', async () => {
    const mine = await pendingAsk();
    const theirs = await pendingAsk();
    expect((await post(mine.session, `/api/portal/asks/${theirs.candidate.id}/accept`)).statusCode).toBe(404);
    expect((await post(mine.session, `/api/portal/asks/${theirs.candidate.id}/decline`, { reason: 'x' })).statusCode).toBe(404);
    expect((await post(mine.session, '/api/portal/asks/00000000-0000-4000-8000-000000000000/accept')).statusCode).toBe(404);
    expect((await post(mine.session, '/api/portal/asks/not-a-uuid/accept')).statusCode).toBe(400);
    expect((await get(mine.session, '/api/portal/asks')).json<{ items: { candidateId: string }[] }>().items.map((i) => i.candidateId)).not.toContain(theirs.candidate.id);
    const noCsrf = await portalRequest(t.app, mine.session, { method: 'POST', url: `/api/portal/asks/${mine.candidate.id}/accept`, payload: {}, headers: { 'x-csrf-token': 'nope' } });
    expect(noCsrf.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/portal/asks/${mine.candidate.id}/accept`, payload: {} })).statusCode).toBe(401);
    // A signed-in user is no advocate.
    expect((await cast.admin.client.post(`/api/portal/asks/${mine.candidate.id}/accept`, {})).statusCode).toBe(401);
    const [row] = await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, theirs.candidate.id));
    expect(row!.status).toBe('advocate_pending');
  });
});

describe('withdrawing from the program', () => {
  it('withdraws every open candidacy, releases booked uses, records consent and drops the advocate from matching', async () => {
    const { session, advocate, candidate, request, token } = await pendingAsk();
    await t.deps.db.update(advocates).set({ consent: { at: '2026-01-01', method: 'form', scope: ['reference_call'] } }).where(eq(advocates.id, advocate.id));
    // A second request where the advocate already accepted.
    const second = await submitCall(t, cast, [advocate.id]);
    expect((await cast.owner.client.post(candidateUrl(second, second.candidates[0], 'approve'), {})).statusCode).toBe(200);
    expect((await post(session, `/api/portal/asks/${second.candidates[0]!.id}/accept`)).statusCode).toBe(200);
    expect(await queryRows(t.deps.db, sql`select 1 from advocate_match where advocate_id = ${advocate.id}`)).toHaveLength(1);

    expect((await post(session, '/api/portal/withdraw', { reason: 'x'.repeat(2001) })).statusCode).toBe(400);
    const res = await post(session, '/api/portal/withdraw', { reason: 'Changing roles' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ withdrawnCandidacies: 2, releasedActivities: 2 });

    const [after] = await t.deps.db.select().from(advocates).where(eq(advocates.id, advocate.id));
    expect(after!.status).toBe('withdrawn');
    expect(after!.withdrawnAt).not.toBeNull();
    expect(after!.consent).toMatchObject({ method: 'form', withdrawnAt: after!.withdrawnAt!.toISOString() });
    const candidacies = await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.advocateId, advocate.id));
    expect(candidacies.map((c) => c.status)).toEqual(['withdrawn', 'withdrawn']);
    const uses = await t.deps.db.select().from(activities).where(eq(activities.advocateId, advocate.id));
    expect(uses.map((a) => a.status)).toEqual(['cancelled', 'cancelled']);
    expect(await queryRows(t.deps.db, sql`select 1 from advocate_match where advocate_id = ${advocate.id}`)).toHaveLength(0);

    // The requester sees it on the request and hears about it.
    const page = await cast.seller.client.get(`/api/requests/${request.id}`);
    expect(page.json<{ candidates: { id: string; status: string }[] }>().candidates.find((c) => c.id === candidate.id)!.status).toBe('withdrawn');
    const told = await toldAbout(advocate, ['request.plan_b', 'request.advocate_declined']);
    expect(told.filter((m) => m.bodyText.includes('withdrew from the reference program'))).toHaveLength(2);
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.withdrew'), eq(auditEvents.targetId, advocate.id)));
    expect(audit!.details).toMatchObject({ reason: 'Changing roles', withdrawnCandidacies: 2 });

    // No more asks: the old link is closed, the portal has nothing to answer, and signing in still works.
    expect((await t.client().post(`/api/ask/${token}/accept`, {})).statusCode).toBe(409);
    expect((await get(session, '/api/portal/asks')).json()).toEqual({ items: [] });
    expect((await get(session, '/api/portal/me')).json()).toMatchObject({ advocate: { status: 'withdrawn' } });
    expect((await post(session, '/api/portal/withdraw', {})).statusCode).toBe(409);
    // Matching no longer offers them.
    await expect(submitCall(t, cast, [advocate.id])).rejects.toThrow(/409/);
  });
});
