import { subMonths } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocateSignInLinks, advocates, requestCandidates, requestEvents } from '../../db/schema/index.js';
import { createAdvocate, setUpCandidate } from '../../http/routes/scheduling/loop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createAccount } from '../../../test/helpers/factories.js';
import { EXPIRED_ASK_REASON, sweepExpiredAsks } from './expired-ask-sweep.js';
import { sweepStaleProfiles } from './stale-profile-sweep.js';
import { MONDAY, messagesAbout, setClock } from './sweep-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setClock(t, MONDAY);
});
afterAll(() => t.close());

describe('expired asks', () => {
  it('move the candidate through the no-answer path once the ask expires, and tell the requester (plan B)', async () => {
    setClock(t, MONDAY);
    const setup = await setUpCandidate(t.deps, { status: 'advocate_pending' });
    const expiresAt = new Date(MONDAY.getTime() + 3_600_000);
    await t.deps.db.update(requestCandidates).set({ askExpiresAt: expiresAt }).where(eq(requestCandidates.id, setup.candidate.id));

    setClock(t, new Date(expiresAt.getTime() - 1000));
    await sweepExpiredAsks(t.deps);
    expect((await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, setup.candidate.id)))[0]!.status).toBe('advocate_pending');

    setClock(t, expiresAt);
    const first = await sweepExpiredAsks(t.deps);
    const second = await sweepExpiredAsks(t.deps);
    expect(first.count).toBeGreaterThanOrEqual(1);
    expect(second.count).toBe(0);
    const [candidate] = await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, setup.candidate.id));
    expect(candidate!.status).toBe('no_answer');
    const events = await t.deps.db.select().from(requestEvents).where(and(eq(requestEvents.candidateId, setup.candidate.id), eq(requestEvents.kind, 'mark_no_answer')));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorKind: 'system', reason: EXPIRED_ASK_REASON });
    const planB = await messagesAbout(t, 'request.plan_b', { candidateId: setup.candidate.id });
    expect(planB.map((m) => m.recipient)).toEqual([setup.requester.email]);
  });
});

describe('stale profiles', () => {
  it('send one re-verification e-mail per stale period, with a self-update sign-in link', async () => {
    setClock(t, MONDAY);
    const account = await createAccount(t.deps.db);
    const verifiedAt = new Date(subMonths(MONDAY, 12).getTime() + 86_400_000); // stale tomorrow (12 months)
    const advocate = await createAdvocate(t.deps, account.id, { lastVerifiedAt: verifiedAt, timeZone: null });
    const optedOut = await createAdvocate(t.deps, account.id, { lastVerifiedAt: subMonths(MONDAY, 20), notificationOptOuts: ['advocate.reverify'] });
    const withdrawn = await createAdvocate(t.deps, account.id, { lastVerifiedAt: subMonths(MONDAY, 20), status: 'withdrawn', withdrawnAt: MONDAY });

    await sweepStaleProfiles(t.deps);
    expect(await messagesAbout(t, 'advocate.reverify', { advocateId: advocate.id })).toHaveLength(0);

    setClock(t, new Date(MONDAY.getTime() + 86_400_000));
    await sweepStaleProfiles(t.deps);
    await sweepStaleProfiles(t.deps);
    const sent = await messagesAbout(t, 'advocate.reverify', { advocateId: advocate.id });
    expect(sent.map((m) => m.recipient)).toEqual([advocate.email]);
    expect(sent[0]!.bodyText).toMatch(/\/portal\/auth\?token=[A-Za-z0-9_-]+&next=profile/);
    expect(await t.deps.db.select().from(advocateSignInLinks).where(eq(advocateSignInLinks.advocateId, advocate.id))).toHaveLength(1);
    expect(await messagesAbout(t, 'advocate.reverify', { advocateId: optedOut.id })).toHaveLength(0);
    expect(await messagesAbout(t, 'advocate.reverify', { advocateId: withdrawn.id })).toHaveLength(0);

    // Confirmed again, and stale a year later: a new period, a new e-mail.
    const reverified = new Date(MONDAY.getTime() + 2 * 86_400_000);
    await t.deps.db.update(advocates).set({ lastVerifiedAt: reverified }).where(eq(advocates.id, advocate.id));
    setClock(t, new Date(reverified.getTime() + 366 * 86_400_000));
    await sweepStaleProfiles(t.deps);
    expect(await messagesAbout(t, 'advocate.reverify', { advocateId: advocate.id })).toHaveLength(2);
  });
});
