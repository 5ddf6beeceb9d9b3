import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { ServiceDeps } from '../../services/context.js';

/** Advisory lock space of the sweeps ("Vo"), and one key per sweep. */
const LOCK_CLASS = 0x566f;

export const SWEEP_LOCK_KEYS = {
  approvals: 1,
  deadlines: 2,
  call_reminders: 3,
  debriefs: 4,
  expired_asks: 5,
  stale_profiles: 6,
  match_changes: 7,
} as const;

export type SweepName = keyof typeof SWEEP_LOCK_KEYS;

export interface SweepOutcome {
  /** False when another instance held the sweep's lock: this run did nothing. */
  ran: boolean;
  /** Items acted on (messages written, candidates moved). */
  count: number;
  /** Items that failed (rolled back to their savepoint, logged, retried next run). */
  failed: number;
}

/** What a sweep body gets: its transaction, the instant it judges at, and a way to isolate each item. */
export interface SweepContext {
  tx: Tx;
  now: Date;
  /** Runs one item in a savepoint: its failure is logged and leaves the others alone. Returns whether it acted. */
  each<T>(items: readonly T[], act: (tx: Tx, item: T) => Promise<boolean>): Promise<void>;
}

/**
 * Runs a sweep in its own transaction under `pg_try_advisory_xact_lock`, so at most one
 * instance runs it at a time (a second one skips at once; the lock ends with the transaction).
 * Idempotence across runs comes from the dedupe keys of what the sweep writes.
 */
export async function runLockedSweep(deps: ServiceDeps, name: SweepName, body: (ctx: SweepContext) => Promise<void>): Promise<SweepOutcome> {
  return deps.db.transaction(async (tx) => {
    const [row] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${LOCK_CLASS}::int, ${SWEEP_LOCK_KEYS[name]}::int) as locked`);
    if (!row?.locked) return { ran: false, count: 0, failed: 0 };
    const outcome: SweepOutcome = { ran: true, count: 0, failed: 0 };
    const now = deps.now();
    await body({
      tx,
      now,
      async each(items, act) {
        for (const item of items) {
          try {
            const acted = await tx.transaction((sp) => act(sp, item));
            if (acted) outcome.count += 1;
          } catch (error) {
            outcome.failed += 1;
            deps.log.error({ err: error, sweep: name }, 'sweep item failed');
          }
        }
      },
    });
    return outcome;
  });
}
