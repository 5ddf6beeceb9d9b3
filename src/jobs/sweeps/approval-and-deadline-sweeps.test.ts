import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createUser } from '../../../test/helpers/factories.js';
import { setUpCandidate } from '../../http/routes/scheduling/loop-fixtures.js';
import { sweepOverdueApprovals } from './approval-sweep.js';
import { sweepDeadlinesAtRisk } from './deadline-sweep.js';
import { MONDAY, messagesAbout, setClock } from './sweep-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setClock(t, MONDAY);
});
afterAll(() => t.close());

const MINUTE = 60_000;

describe('overdue approvals', () => {
  it('reminds the owner once when due, escalates to the admins once a business day later', async () => {
    const admin = await createUser(t.deps.db, { roles: ['admin'] });
    const setup = await setUpCandidate(t.deps, { status: 'owner_pending' });
    const dueAt = new Date('2026-03-05T12:00:00Z'); // Thursday
    await t.deps.db.update(requestCandidates).set({ approvalDueAt: dueAt }).where(eq(requestCandidates.id, setup.candidate.id));
    const about = { candidateId: setup.candidate.id };

    setClock(t, new Date(dueAt.getTime() - MINUTE));
    expect((await sweepOverdueApprovals(t.deps)).ran).toBe(true);
    expect(await messagesAbout(t, 'request.approval_reminder', about)).toHaveLength(0);

    setClock(t, dueAt);
    await sweepOverdueApprovals(t.deps);
    await sweepOverdueApprovals(t.deps);
    const reminders = await messagesAbout(t, 'request.approval_reminder', about);
    expect(reminders.map((m) => m.recipient)).toEqual([setup.owner.email]);
    expect(reminders[0]!.bodyText).toContain('/approvals');
    expect(reminders[0]!.bodyText).not.toContain(setup.advocate.email!);
    expect(await messagesAbout(t, 'request.approval_escalated', about)).toHaveLength(0);

    setClock(t, new Date('2026-03-06T11:59:00Z'));
    await sweepOverdueApprovals(t.deps);
    expect(await messagesAbout(t, 'request.approval_escalated', about)).toHaveLength(0);

    setClock(t, new Date('2026-03-06T12:00:00Z'));
    await sweepOverdueApprovals(t.deps);
    await sweepOverdueApprovals(t.deps);
    const escalations = await messagesAbout(t, 'request.approval_escalated', about);
    expect(escalations.map((m) => m.recipient)).toContain(admin.email);
    expect(new Set(escalations.map((m) => m.recipient)).size).toBe(escalations.length);
    expect(await messagesAbout(t, 'request.approval_reminder', about)).toHaveLength(1);
  });

  it('says nothing once the owner has answered', async () => {
    const setup = await setUpCandidate(t.deps, { status: 'advocate_pending' });
    await t.deps.db.update(requestCandidates).set({ approvalDueAt: new Date(t.clock.now().getTime() - 5 * 86_400_000) }).where(eq(requestCandidates.id, setup.candidate.id));
    await sweepOverdueApprovals(t.deps);
    expect(await messagesAbout(t, 'request.approval_reminder', { candidateId: setup.candidate.id })).toHaveLength(0);
  });
});

describe('deadlines at risk', () => {
  it('alerts the program team once when two business days are left with nothing scheduled', async () => {
    setClock(t, MONDAY);
    const admin = await createUser(t.deps.db, { roles: ['admin'] });
    const setup = await setUpCandidate(t.deps, { status: 'owner_pending' });
    await t.deps.db.update(referenceRequests).set({ neededBy: '2026-03-05' }).where(eq(referenceRequests.id, setup.request.id));
    const about = { requestId: setup.request.id };

    await sweepDeadlinesAtRisk(t.deps); // Monday: three business days left
    expect(await messagesAbout(t, 'request.deadline_at_risk', about)).toHaveLength(0);

    setClock(t, new Date('2026-03-03T00:00:00Z')); // Tuesday: two left
    await sweepDeadlinesAtRisk(t.deps);
    await sweepDeadlinesAtRisk(t.deps);
    const alerts = await messagesAbout(t, 'request.deadline_at_risk', about);
    expect(alerts.map((m) => m.recipient)).toContain(admin.email);
    expect(new Set(alerts.map((m) => m.recipient)).size).toBe(alerts.length);
    expect(alerts[0]!.subject).toBe(`Deadline at risk: R-${setup.request.number} is needed by 2026-03-05`);
    expect(alerts[0]!.bodyText).toContain('2 business days are left');
  });

  it('leaves a request with a conversation scheduled alone', async () => {
    setClock(t, MONDAY);
    const setup = await setUpCandidate(t.deps, { status: 'accepted' });
    await t.deps.db.update(requestCandidates).set({ status: 'scheduled', scheduledAt: new Date('2026-03-03T10:00:00Z') }).where(eq(requestCandidates.id, setup.candidate.id));
    await t.deps.db.update(referenceRequests).set({ neededBy: '2026-03-03' }).where(eq(referenceRequests.id, setup.request.id));
    await sweepDeadlinesAtRisk(t.deps);
    expect(await messagesAbout(t, 'request.deadline_at_risk', { requestId: setup.request.id })).toHaveLength(0);
  });
});
