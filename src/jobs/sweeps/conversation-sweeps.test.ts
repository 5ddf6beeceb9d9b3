import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocateAskTokens, debriefs } from '../../db/schema/index.js';
import { activityOfCandidate, isoDay, moveCandidate, setUpCandidate } from '../../http/routes/scheduling/loop-fixtures.js';
import { resolveAskToken } from '../../services/requests/ask-tokens.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { sweepCallReminders, sweepDebriefs } from './conversation-sweeps.js';
import { MONDAY, messagesAbout, setClock } from './sweep-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setClock(t, MONDAY);
});
afterAll(() => t.close());

/** An accepted candidate (advocate in Europe/Paris) with its conversation at `startsAt`. */
async function scheduledAt(startsAt: Date) {
  setClock(t, MONDAY);
  const setup = await setUpCandidate(t.deps, { status: 'accepted' });
  await moveCandidate(t.deps, setup.candidate.id, 'schedule', ['admin'], { set: { scheduledAt: startsAt, durationMinutes: 30 }, occursOn: isoDay(startsAt) });
  return setup;
}

describe('call reminders', () => {
  it('go to both sides the day before, once, the advocate’s at a working hour in their zone', async () => {
    const startsAt = new Date('2026-03-04T06:00:00Z'); // Wednesday 07:00 in Paris
    const setup = await scheduledAt(startsAt);
    const about = { candidateId: setup.candidate.id };

    setClock(t, new Date('2026-03-03T05:59:00Z'));
    await sweepCallReminders(t.deps);
    expect(await messagesAbout(t, 'request.call_reminder', about)).toHaveLength(0);
    expect(await messagesAbout(t, 'advocate.call_reminder', about)).toHaveLength(0);

    setClock(t, new Date('2026-03-03T06:00:00Z')); // Tuesday 07:00 in Paris: before working hours there
    await sweepCallReminders(t.deps);
    await sweepCallReminders(t.deps);
    const toRequester = await messagesAbout(t, 'request.call_reminder', about);
    const toAdvocate = await messagesAbout(t, 'advocate.call_reminder', about);
    expect(toRequester.map((m) => m.recipient)).toEqual([setup.requester.email]);
    expect(toAdvocate.map((m) => m.recipient)).toEqual([setup.advocate.email]);
    expect(toRequester[0]!.availableAt.toISOString()).toBe('2026-03-03T06:00:00.000Z');
    expect(toAdvocate[0]!.availableAt.toISOString()).toBe('2026-03-03T07:00:00.000Z'); // 08:00 in Paris
    expect(toAdvocate[0]!.bodyText).toContain('07:00 (Europe/Paris)');
    // The requester's copy never carries the advocate's contact details.
    expect(toRequester[0]!.bodyText).not.toContain(setup.advocate.email!);
    expect(toRequester[0]!.bodyText).not.toContain(setup.advocate.phone!);

    setClock(t, startsAt);
    await sweepCallReminders(t.deps);
    expect(await messagesAbout(t, 'advocate.call_reminder', about)).toHaveLength(1);
  });

  it('remind again for a new date', async () => {
    const first = new Date('2026-03-04T15:00:00Z');
    const setup = await scheduledAt(first);
    setClock(t, new Date('2026-03-03T15:00:00Z'));
    await sweepCallReminders(t.deps);
    const moved = new Date('2026-03-05T15:00:00Z');
    await moveCandidate(t.deps, setup.candidate.id, 'schedule', ['admin'], { set: { scheduledAt: moved, durationMinutes: 30 }, occursOn: isoDay(moved) });
    setClock(t, new Date('2026-03-04T15:00:00Z'));
    await sweepCallReminders(t.deps);
    expect(await messagesAbout(t, 'request.call_reminder', { candidateId: setup.candidate.id })).toHaveLength(2);
  });
});

describe('debriefs', () => {
  it('asks both sides the business day after, once, the advocate by a signed link to their debrief', async () => {
    const startsAt = new Date('2026-03-04T14:00:00Z'); // Wednesday
    const setup = await scheduledAt(startsAt);
    const about = { candidateId: setup.candidate.id };

    setClock(t, new Date('2026-03-05T07:59:00Z'));
    await sweepDebriefs(t.deps);
    expect(await messagesAbout(t, 'request.debrief_requested', about)).toHaveLength(0);

    setClock(t, new Date('2026-03-05T08:00:00Z'));
    await sweepDebriefs(t.deps);
    const tokensAfterFirst = await t.deps.db.select().from(advocateAskTokens).where(eq(advocateAskTokens.candidateId, setup.candidate.id));
    await sweepDebriefs(t.deps);
    const toRequester = await messagesAbout(t, 'request.debrief_requested', about);
    const toAdvocate = await messagesAbout(t, 'advocate.debrief_requested', about);
    expect(toRequester.map((m) => m.recipient)).toEqual([setup.requester.email]);
    expect(toRequester[0]!.bodyText).toContain(`/requests/${setup.request.id}`);
    expect(toAdvocate.map((m) => m.recipient)).toEqual([setup.advocate.email]);
    const token = /ask#token=([A-Za-z0-9_-]+)/.exec(toAdvocate[0]!.bodyText)?.[1];
    expect(token).toBeTruthy();
    expect((await resolveAskToken(t.deps.db, token!, t.clock.now())).candidateId).toBe(setup.candidate.id);
    // Running again issues no other link.
    expect(await t.deps.db.select().from(advocateAskTokens).where(eq(advocateAskTokens.candidateId, setup.candidate.id))).toHaveLength(tokensAfterFirst.length);
  });

  it('reminds the requester once, three business days later, only while the debrief is missing', async () => {
    const startsAt = new Date('2026-03-04T14:00:00Z');
    const missing = await scheduledAt(startsAt);
    const given = await scheduledAt(startsAt);
    const activity = await activityOfCandidate(t.deps, given.candidate.id);
    await t.deps.db.insert(debriefs).values({ activityId: activity.id, side: 'requester', happened: true, metNeeds: 4, submittedByUserId: given.requester.id });

    setClock(t, new Date('2026-03-10T07:59:00Z'));
    await sweepDebriefs(t.deps);
    expect(await messagesAbout(t, 'request.debrief_reminder', { candidateId: missing.candidate.id })).toHaveLength(0);

    setClock(t, new Date('2026-03-10T08:00:00Z'));
    await sweepDebriefs(t.deps);
    await sweepDebriefs(t.deps);
    expect((await messagesAbout(t, 'request.debrief_reminder', { candidateId: missing.candidate.id })).map((m) => m.recipient)).toEqual([missing.requester.email]);
    expect(await messagesAbout(t, 'request.debrief_reminder', { candidateId: given.candidate.id })).toHaveLength(0);
    expect(await messagesAbout(t, 'request.debrief_requested', { candidateId: given.candidate.id })).toHaveLength(0);
  });
});
