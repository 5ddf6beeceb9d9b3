import { addDays } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRequests, requestEvents } from '../../../db/schema/index.js';
import { triedAdvocateIds } from '../../../services/debriefs/redo-activity.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { activityOfCandidate, isoDay, moveCandidate, scheduleInPast, setUpCandidate, type LoopSetup } from '../scheduling/loop-fixtures.js';

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
const activityId = async (s: LoopSetup) => (await activityOfCandidate(t.deps, s.candidate.id)).id;
async function requestRow(id: string) {
  const [row] = await t.deps.db.select().from(referenceRequests).where(eq(referenceRequests.id, id));
  return row!;
}

/** What the request page offers this viewer for the set-up candidate. */
async function candidateActions(client: ApiClient, s: LoopSetup): Promise<string[]> {
  const res = await client.get(`/api/requests/${s.request.id}`);
  expect(res.statusCode, res.body).toBe(200);
  const candidate = (res.json().candidates as { id: string; allowedActions: string[] }[]).find((c) => c.id === s.candidate.id);
  return candidate?.allowedActions ?? [];
}

/** A use that did not happen, debriefed by its requester. */
async function didNotHappen(): Promise<{ s: LoopSetup; requester: ApiClient; id: string }> {
  const s = await setUpCandidate(t.deps);
  const requester = await clientFor(s.requester);
  const id = await activityId(s);
  expect((await requester.post(`/api/activities/${id}/debriefs`, { happened: false })).statusCode).toBe(201);
  return { s, requester, id };
}

describe('one-click redo', () => {
  it('opens a new request with the same criteria straight into matching, remembers who was tried, and records it on both timelines', async () => {
    const { s, requester, id } = await didNotHappen();
    const res = await requester.post(`/api/activities/${id}/redo`);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ request: { status: 'matching', redoOfRequestId: s.request.id, neededBy: s.request.neededBy, rush: false }, originalCancelled: true });
    const redo = await requestRow(body.request.id);
    expect(redo).toMatchObject({
      requesterUserId: s.requester.id,
      team: s.request.team,
      opportunityId: s.request.opportunityId,
      activityTypeKey: s.request.activityTypeKey,
      prospect: s.request.prospect,
      criteria: s.request.criteria,
      topicKeys: s.request.topicKeys,
      referencesNeeded: 1,
      redoOfRequestId: s.request.id,
    });
    expect(redo.submittedAt).not.toBeNull();
    const [onRedo] = await t.deps.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, redo.id), eq(requestEvents.kind, 'redo_of')));
    expect(onRedo?.data).toMatchObject({ activityId: id, redoOfRequestId: s.request.id, why: 'did_not_happen', triedAdvocateIds: [s.advocate.id] });
    const [onOriginal] = await t.deps.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, s.request.id), eq(requestEvents.kind, 'redo_requested')));
    expect(onOriginal?.data).toMatchObject({ activityId: id, redoRequestId: redo.id, redoNumber: redo.number });
    // The original waited in matching with nobody in flight: the redo replaces it.
    expect(await requestRow(s.request.id)).toMatchObject({ status: 'cancelled', endReason: 'other', endNote: `Replaced by redo R-${redo.number}` });
    expect(await triedAdvocateIds(t.deps.db, redo.id)).toEqual([s.advocate.id]);
    // The activity shows its redo, and offers no other.
    expect((await requester.get(`/api/activities/${id}`)).json()).toMatchObject({ redo: { offered: true, request: { id: redo.id, number: redo.number } }, may: { redo: false } });
  });

  it('is done once per use (409 after)', async () => {
    const { requester, id } = await didNotHappen();
    expect((await requester.post(`/api/activities/${id}/redo`)).statusCode).toBe(201);
    const again = await admin.post(`/api/activities/${id}/redo`);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already redone as request R-\d+/);
  });

  it('is offered after a low "met needs" score, leaving the closed original as it is', async () => {
    const s = await setUpCandidate(t.deps);
    await scheduleInPast(t.deps, s.candidate.id);
    const requester = await clientFor(s.requester);
    const id = await activityId(s);
    expect((await requester.post(`/api/activities/${id}/debriefs`, { happened: true, metNeeds: 2, concerns: 'Wrong industry' })).statusCode).toBe(201);
    // The closed request's page still offers the requester a redo and a thank-you for the use.
    expect(await candidateActions(requester, s)).toEqual(expect.arrayContaining(['redo', 'thank_you']));
    const owner = await clientFor(s.owner);
    expect(await candidateActions(owner, s)).toEqual(['thank_you']);
    const res = await requester.post(`/api/activities/${id}/redo`, { note: 'Need a banking reference this time' });
    expect(res.statusCode, res.body).toBe(201);
    expect(await candidateActions(requester, s)).not.toContain('redo');
    expect(res.json().originalCancelled).toBe(false);
    expect(await requestRow(s.request.id)).toMatchObject({ status: 'closed' });
    const [event] = await t.deps.db.select().from(requestEvents).where(and(eq(requestEvents.requestId, res.json().request.id), eq(requestEvents.kind, 'redo_of')));
    expect(event?.data.why).toBe('did_not_meet_needs');
    expect((await requestRow(res.json().request.id)).note).toBe('Need a banking reference this time');
  });

  it('is not offered for a use that met the needs, nor before a debrief (409)', async () => {
    const s = await setUpCandidate(t.deps);
    await scheduleInPast(t.deps, s.candidate.id);
    const requester = await clientFor(s.requester);
    const id = await activityId(s);
    expect((await requester.post(`/api/activities/${id}/redo`)).statusCode).toBe(409);
    expect(await candidateActions(requester, s)).not.toContain('redo');
    expect((await requester.post(`/api/activities/${id}/debriefs`, { happened: true, metNeeds: 3 })).statusCode).toBe(201);
    expect((await requester.post(`/api/activities/${id}/redo`)).statusCode).toBe(409);
    expect(await candidateActions(requester, s)).not.toContain('redo');
  });

  it('asks for a new needed-by date once the original has passed, and marks a short one as a rush', async () => {
    const { s, id } = await didNotHappen();
    t.clock.advance(30 * 86_400_000);
    try {
      // A month on, the session has expired: sign in again.
      const requester = await clientFor(s.requester);
      const missing = await requester.post(`/api/activities/${id}/redo`);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().errors[0].field).toBe('neededBy');
      const rushed = await requester.post(`/api/activities/${id}/redo`, { neededBy: isoDay(addDays(t.clock.now(), 2)), rushJustification: 'Board meets Friday' });
      expect(rushed.statusCode, rushed.body).toBe(201);
      expect(rushed.json().request.rush).toBe(true);
      expect((await requestRow(rushed.json().request.id)).rushJustification).toBe('Board meets Friday');
    } finally {
      t.clock.advance(-30 * 86_400_000);
    }
  });

  it('is refused to anyone but the requester and admins; admins redo on the requester’s behalf', async () => {
    const { s, id } = await didNotHappen();
    expect((await t.client().post(`/api/activities/${id}/redo`)).statusCode).toBe(401);
    expect((await (await clientFor(s.owner)).post(`/api/activities/${id}/redo`)).statusCode).toBe(403);
    for (const role of ['sales', 'marketing', 'exec'] as const) {
      expect((await (await t.signedInAs([role])).post(`/api/activities/${id}/redo`)).statusCode, role).toBe(403);
    }
    expect((await admin.post(`/api/activities/${crypto.randomUUID()}/redo`)).statusCode).toBe(404);
    const res = await admin.post(`/api/activities/${id}/redo`);
    expect(res.statusCode).toBe(201);
    expect((await requestRow(res.json().request.id)).requesterUserId).toBe(s.requester.id);
  });

  it('remembers every advocate tried along a chain of redos', async () => {
    const { s, requester, id } = await didNotHappen();
    const redo = (await requester.post(`/api/activities/${id}/redo`)).json().request;
    const second = await setUpCandidate(t.deps, { request: await requestRow(redo.id), requester: s.requester, opportunity: s.opportunity! });
    await moveCandidate(t.deps, second.candidate.id, 'record_did_not_happen', ['requester']);
    expect((await triedAdvocateIds(t.deps.db, redo.id)).sort()).toEqual([s.advocate.id, second.advocate.id].sort());
  });

  it('leaves the advocates tried on the original out of the redo’s matches', async () => {
    const { s, requester, id } = await didNotHappen();
    const redo = (await requester.post(`/api/activities/${id}/redo`)).json().request;
    const res = await admin.post(`/api/requests/${redo.id}/rematch`, {});
    expect(res.statusCode, res.body).toBe(200);
    const matched = res.json<{ matches: { candidates: { advocateId: string }[] } }>().matches.candidates.map((c) => c.advocateId);
    expect(matched).not.toContain(s.advocate.id);
  });
});
