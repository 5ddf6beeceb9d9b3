import { addDays } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debriefs, referenceRequests, requestCandidates, requestEvents } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import {
  activityOfCandidate,
  createAdvocate,
  createAskToken,
  isoDay,
  moveCandidate,
  scheduleInPast,
  setUpCandidate,
  type LoopSetup,
} from '../scheduling/loop-fixtures.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

async function clientFor(user: { email: string }): Promise<ApiClient> {
  const client = t.client();
  expect((await client.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  return client;
}
async function statusOf(s: LoopSetup) {
  const [candidate] = await t.deps.db.select({ status: requestCandidates.status }).from(requestCandidates).where(eq(requestCandidates.id, s.candidate.id));
  const [request] = await t.deps.db.select().from(referenceRequests).where(eq(referenceRequests.id, s.request.id));
  const activity = await activityOfCandidate(t.deps, s.candidate.id);
  return { candidate: candidate!.status, request: request!.status, activity: activity.status, closedAt: request!.closedAt };
}
const debriefUrl = async (s: LoopSetup) => `/api/activities/${(await activityOfCandidate(t.deps, s.candidate.id)).id}/debriefs`;
const good = { happened: true, metNeeds: 4, buyerIntent: 'Ready to sign after legal review', concerns: 'Migration timeline' };

describe('the requester’s debrief', () => {
  it('records that it happened: candidate and activity happened, timeline entry, the request closes', async () => {
    const s = await setUpCandidate(t.deps);
    await scheduleInPast(t.deps, s.candidate.id);
    const requester = await clientFor(s.requester);
    const res = await requester.post(await debriefUrl(s), good);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      debrief: { side: 'requester', happened: true, metNeeds: 4, buyerIntent: good.buyerIntent, concerns: good.concerns, submittedByUserId: s.requester.id },
      activity: { status: 'happened' },
      redoOffered: false,
      requestClosed: true,
    });
    expect(await statusOf(s)).toMatchObject({ candidate: 'happened', request: 'closed', activity: 'happened' });
    const kinds = (await t.deps.db.select().from(requestEvents).where(eq(requestEvents.requestId, s.request.id))).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['record_happened', 'debriefed', 'closed']));
  });

  it('is taken once per side (409 the second time, even by an admin)', async () => {
    const s = await setUpCandidate(t.deps);
    await scheduleInPast(t.deps, s.candidate.id);
    const requester = await clientFor(s.requester);
    expect((await requester.post(await debriefUrl(s), good)).statusCode).toBe(201);
    expect((await requester.post(await debriefUrl(s), { ...good, metNeeds: 1 })).statusCode).toBe(409);
    expect((await admin.post(await debriefUrl(s), { happened: false })).statusCode).toBe(409);
    expect(await t.deps.db.select().from(debriefs).where(eq(debriefs.activityId, (await activityOfCandidate(t.deps, s.candidate.id)).id))).toHaveLength(1);
  });

  it('refuses "it happened" before a date is recorded, and before the scheduled time (409)', async () => {
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    const early = await requester.post(await debriefUrl(s), good);
    expect(early.statusCode).toBe(409);
    expect(early.json().detail).toMatch(/schedule/i);
    await moveCandidate(t.deps, s.candidate.id, 'schedule', ['admin'], { set: { scheduledAt: addDays(t.clock.now(), 2), durationMinutes: 30 } });
    const future = await requester.post(await debriefUrl(s), good);
    expect(future.statusCode).toBe(409);
    expect(future.json().detail).toMatch(/once it has taken place/);
    expect(await statusOf(s)).toMatchObject({ candidate: 'scheduled', activity: 'planned' });
  });

  it('records that it did not happen: candidate and activity did_not_happen, the request goes back to matching, a redo is offered', async () => {
    const s = await setUpCandidate(t.deps);
    const requester = await clientFor(s.requester);
    const res = await requester.post(await debriefUrl(s), { happened: false, concerns: 'Prospect cancelled the call' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ activity: { status: 'did_not_happen' }, redoOffered: true, requestClosed: false });
    expect(await statusOf(s)).toMatchObject({ candidate: 'did_not_happen', activity: 'did_not_happen', request: 'matching' });
  });

  it('offers a redo when it did not meet the prospect’s needs', async () => {
    const s = await setUpCandidate(t.deps);
    await scheduleInPast(t.deps, s.candidate.id);
    const res = await admin.post(await debriefUrl(s), { happened: true, metNeeds: 2 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ redoOffered: true, requestClosed: true, debrief: { submittedByUserId: admin.userId } });
  });

  it('validates the answers', async () => {
    const s = await setUpCandidate(t.deps);
    await scheduleInPast(t.deps, s.candidate.id);
    const requester = await clientFor(s.requester);
    const url = await debriefUrl(s);
    for (const [body, field] of [
      [{ happened: true }, 'metNeeds'],
      [{ happened: false, metNeeds: 3 }, 'metNeeds'],
      [{ happened: true, metNeeds: 6 }, 'metNeeds'],
      [{ happened: true, metNeeds: 0 }, 'metNeeds'],
      [{ metNeeds: 3 }, 'happened'],
      [{ happened: true, metNeeds: 3, concerns: 'x'.repeat(4001) }, 'concerns'],
    ] as const) {
      const res = await requester.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    expect(await statusOf(s)).toMatchObject({ candidate: 'scheduled' });
  });

  it('is refused to anyone but the requester and admins, and to anonymous callers', async () => {
    const s = await setUpCandidate(t.deps);
    await scheduleInPast(t.deps, s.candidate.id);
    const url = await debriefUrl(s);
    expect((await t.client().post(url, good)).statusCode).toBe(401);
    expect((await (await clientFor(s.owner)).post(url, good)).statusCode).toBe(403);
    for (const role of ['sales', 'owner', 'marketing', 'exec'] as const) {
      expect((await (await t.signedInAs([role])).post(url, good)).statusCode, role).toBe(403);
    }
    expect((await admin.post(`/api/activities/${crypto.randomUUID()}/debriefs`, good)).statusCode).toBe(404);
    expect(await statusOf(s)).toMatchObject({ candidate: 'scheduled' });
  });

  it('refuses a use still waiting for the advocate, and one logged outside the flow (409)', async () => {
    const s = await setUpCandidate(t.deps, { status: 'advocate_pending' });
    expect((await admin.post(await debriefUrl(s), { happened: false })).statusCode).toBe(409);
    expect(await statusOf(s)).toMatchObject({ candidate: 'advocate_pending', activity: 'held' });
    const advocate = await createAdvocate(t.deps, (await createAccount(t.deps.db)).id);
    const logged = await admin.post('/api/activities', { advocateId: advocate.id, activityTypeKey: 'press_quote', occursOn: isoDay(t.clock.now()), requestingTeam: 'pr' });
    expect((await admin.post(`/api/activities/${logged.json().id}/debriefs`, good)).statusCode).toBe(409);
  });

  it('closes a request for two references only when both uses are debriefed', async () => {
    const first = await setUpCandidate(t.deps, { referencesNeeded: 2 });
    const second = await setUpCandidate(t.deps, { request: first.request, requester: first.requester, opportunity: first.opportunity! });
    await scheduleInPast(t.deps, first.candidate.id);
    await scheduleInPast(t.deps, second.candidate.id);
    const requester = await clientFor(first.requester);
    const one = await requester.post(await debriefUrl(first), good);
    expect(one.json().requestClosed).toBe(false);
    expect((await statusOf(first)).request).toBe('fulfilled');
    const two = await requester.post(await debriefUrl(second), { ...good, metNeeds: 5 });
    expect(two.json().requestClosed).toBe(true);
    expect((await statusOf(first)).request).toBe('closed');
  });
});

describe('the advocate’s debrief by signed link', () => {
  const body = { happened: true, howItWent: 'Good questions on security', wouldDoAgain: true };

  it('takes the advocate’s side once, after the conversation, without a session; the timeline records it', async () => {
    const s = await setUpCandidate(t.deps);
    const token = await createAskToken(t.deps, s.candidate.id);
    const anonymous = t.client();
    await moveCandidate(t.deps, s.candidate.id, 'schedule', ['admin'], { set: { scheduledAt: addDays(t.clock.now(), 1), durationMinutes: 30 } });
    const before = await anonymous.get(`/api/ask/${token}/debrief`);
    expect(before.json()).toMatchObject({ open: false, alreadyDebriefed: false, activityTypeLabel: 'Reference call', prospectName: 'Globex' });
    expect((await anonymous.post(`/api/ask/${token}/debrief`, body)).statusCode).toBe(409);

    t.clock.advance(2 * 86_400_000);
    try {
      expect((await anonymous.get(`/api/ask/${token}/debrief`)).json()).toMatchObject({ open: true, reason: null });
      const res = await anonymous.post(`/api/ask/${token}/debrief`, body);
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().debrief).toMatchObject({ side: 'advocate', happened: true, howItWent: body.howItWent, wouldDoAgain: true });
      expect((await anonymous.post(`/api/ask/${token}/debrief`, body)).statusCode).toBe(409);
      expect((await anonymous.get(`/api/ask/${token}/debrief`)).json()).toMatchObject({ open: false, alreadyDebriefed: true });
      // The advocate's side records; moving the candidate is the requester's step.
      expect(await statusOf(s)).toMatchObject({ candidate: 'scheduled' });
      const [event] = await t.deps.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, s.request.id), eq(requestEvents.kind, 'debriefed')));
      expect(event).toMatchObject({ actorKind: 'advocate', actorUserId: null });
      // The requester's side is still open, and closes the request.
      const requester = await clientFor(s.requester);
      expect((await requester.post(await debriefUrl(s), good)).json().requestClosed).toBe(true);
    } finally {
      t.clock.advance(-2 * 86_400_000);
    }
  });

  it('answers 404 to an unknown link and 409 before the advocate has a conversation to debrief', async () => {
    expect((await t.client().post(`/api/ask/${'x'.repeat(43)}/debrief`, body)).statusCode).toBe(404);
    expect((await t.client().get(`/api/ask/${'x'.repeat(43)}/debrief`)).statusCode).toBe(404);
    expect((await t.client().post('/api/ask/short/debrief', body)).statusCode).toBe(400);
    const s = await setUpCandidate(t.deps, { status: 'advocate_pending' });
    const token = await createAskToken(t.deps, s.candidate.id, { answered: false });
    expect((await t.client().post(`/api/ask/${token}/debrief`, body)).statusCode).toBe(409);
  });

  it('keeps taking a debrief for 60 days after the conversation, then answers 410', async () => {
    const s = await setUpCandidate(t.deps);
    const token = await createAskToken(t.deps, s.candidate.id);
    const late = await setUpCandidate(t.deps);
    const lateToken = await createAskToken(t.deps, late.candidate.id);
    await moveCandidate(t.deps, s.candidate.id, 'schedule', ['admin'], { set: { scheduledAt: addDays(t.clock.now(), 5), durationMinutes: 30 } });
    await moveCandidate(t.deps, late.candidate.id, 'schedule', ['admin'], { set: { scheduledAt: addDays(t.clock.now(), 1), durationMinutes: 30 } });
    // 64 days on: 59 days after the first conversation, 63 after the second (both links' ask expiry long passed).
    t.clock.advance(64 * 86_400_000);
    try {
      expect((await t.client().post(`/api/ask/${token}/debrief`, body)).statusCode).toBe(201);
      const res = await t.client().post(`/api/ask/${lateToken}/debrief`, body);
      expect(res.statusCode).toBe(410);
      expect((await t.client().get(`/api/ask/${lateToken}/debrief`)).json()).toMatchObject({ open: false, reason: 'This link no longer takes a debrief.' });
    } finally {
      t.clock.advance(-64 * 86_400_000);
    }
  });

  it('answers 410 on an ask link that expired unanswered (the advocate never said yes)', async () => {
    const s = await setUpCandidate(t.deps, { status: 'advocate_pending' });
    const token = await createAskToken(t.deps, s.candidate.id, { answered: false, expiresAt: addDays(t.clock.now(), -1) });
    expect((await t.client().post(`/api/ask/${token}/debrief`, body)).statusCode).toBe(410);
  });
});
