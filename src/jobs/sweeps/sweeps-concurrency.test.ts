import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages, requestCandidates } from '../../db/schema/index.js';
import { createUser } from '../../../test/helpers/factories.js';
import { setUpCandidate } from '../../http/routes/scheduling/loop-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { runSweepsOnce, startSweeps } from './start-sweeps.js';
import { MONDAY, setClock } from './sweep-test-support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  setClock(t, MONDAY);
});
afterAll(() => t.close());

describe('sweeps run once at a time', () => {
  it('two concurrent passes write each message once', async () => {
    await createUser(t.deps.db, { roles: ['admin'] });
    const setups = [];
    for (let i = 0; i < 3; i++) {
      const setup = await setUpCandidate(t.deps, { status: 'owner_pending' });
      await t.deps.db.update(requestCandidates).set({ approvalDueAt: new Date(MONDAY.getTime() - 3 * 86_400_000) }).where(eq(requestCandidates.id, setup.candidate.id));
      setups.push(setup);
    }
    await Promise.all([runSweepsOnce(t.deps), runSweepsOnce(t.deps), runSweepsOnce(t.deps)]);
    await runSweepsOnce(t.deps);
    const rows = await t.deps.db
      .select({ key: outboxMessages.dedupeKey, n: sql<number>`count(*)::int` })
      .from(outboxMessages)
      .where(sql`${outboxMessages.kind} in ('request.approval_reminder', 'request.approval_escalated')`)
      .groupBy(outboxMessages.dedupeKey);
    expect(rows.filter((r) => r.key?.startsWith('approval-reminder:'))).toHaveLength(3);
    expect(rows.filter((r) => r.key?.startsWith('approval-escalation:')).length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('the runner passes through every sweep on demand and stops cleanly', async () => {
    const runner = startSweeps(t.deps, { intervalMs: 3_600_000 });
    const report = await runner.runOnce();
    expect(Object.keys(report).sort()).toEqual(['approvals', 'call_reminders', 'deadlines', 'debriefs', 'expired_asks', 'match_changes', 'stale_profiles']);
    expect(Object.values(report).every((o) => o.ran && o.failed === 0)).toBe(true);
    await runner.stop();
    expect(await runner.runOnce()).toEqual({});
  });
});
