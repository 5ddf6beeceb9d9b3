import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import type { ServiceDeps } from '../../services/context.js';
import { MATCH_CHANGES_KEEP_MINUTES } from '../../services/matching/match-index/match-index.js';
import { runLockedSweep, type SweepOutcome } from './sweep-lock.js';

/**
 * Prunes advocate_match_changes, which the in-memory copies of advocate_match read
 * (src/services/matching/match-index/). Each run notes the oldest transaction still running (a
 * horizon); entries below a horizon noted at least MATCH_CHANGES_KEEP_MINUTES ago are deleted.
 * Their transactions had ended before that horizon, so every copy brought up to date since then
 * has read them, and a copy idle for longer reloads whole (RELOAD_AFTER_MS is shorter).
 */
export function sweepMatchChanges(deps: ServiceDeps): Promise<SweepOutcome> {
  return runLockedSweep(deps, 'match_changes', async ({ tx, now }) => {
    await tx.execute(sql`insert into advocate_match_horizons (taken_at, oldest_running)
      values (${now.toISOString()}::timestamptz, pg_snapshot_xmin(pg_current_snapshot())) on conflict (taken_at) do nothing`);
    const cutoff = new Date(now.getTime() - MATCH_CHANGES_KEEP_MINUTES * 60_000).toISOString();
    const [horizon] = await queryRows<{ taken_at: string; oldest_running: string }>(
      tx,
      sql`select taken_at::text, oldest_running::text from advocate_match_horizons where taken_at <= ${cutoff}::timestamptz order by taken_at desc limit 1`,
    );
    if (!horizon) return;
    await tx.execute(sql`delete from advocate_match_changes where xid < ${horizon.oldest_running}::xid8`);
    await tx.execute(sql`delete from advocate_match_horizons where taken_at < ${horizon.taken_at}::timestamptz`);
  });
}
