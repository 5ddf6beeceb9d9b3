import { SWEEP_INTERVAL_MINUTES } from '../../domain/notifications/reminders.js';
import type { ServiceDeps } from '../../services/context.js';
import { sweepOverdueApprovals } from './approval-sweep.js';
import { sweepCallReminders, sweepDebriefs } from './conversation-sweeps.js';
import { sweepDeadlinesAtRisk } from './deadline-sweep.js';
import { sweepExpiredAsks } from './expired-ask-sweep.js';
import { sweepMatchChanges } from './match-changes-sweep.js';
import type { SweepName, SweepOutcome } from './sweep-lock.js';
import { sweepStaleProfiles } from './stale-profile-sweep.js';

/** Every sweep, in the order a run takes them (expired asks first: plan B before the deadline check). */
export const SWEEPS: ReadonlyArray<[SweepName, (deps: ServiceDeps) => Promise<SweepOutcome>]> = [
  ['expired_asks', sweepExpiredAsks],
  ['approvals', sweepOverdueApprovals],
  ['deadlines', sweepDeadlinesAtRisk],
  ['call_reminders', sweepCallReminders],
  ['debriefs', sweepDebriefs],
  ['stale_profiles', sweepStaleProfiles],
  ['match_changes', sweepMatchChanges],
];

export type SweepReport = Partial<Record<SweepName, SweepOutcome>>;

/** One pass of every sweep; a failing sweep is logged and the others still run. */
export async function runSweepsOnce(deps: ServiceDeps): Promise<SweepReport> {
  const report: SweepReport = {};
  for (const [name, sweep] of SWEEPS) {
    try {
      report[name] = await sweep(deps);
    } catch (error) {
      deps.log.error({ err: error, sweep: name }, 'sweep failed');
    }
  }
  return report;
}

export interface SweepRunner {
  runOnce(): Promise<SweepReport>;
  stop(): Promise<void>;
}

/**
 * Runs the sweeps every few minutes on this instance; any number of instances may run them
 * (each sweep takes an advisory lock, and what it writes is deduplicated). The timer does not
 * keep the process alive; stop() waits for a pass in progress.
 */
export function startSweeps(deps: ServiceDeps, options: { intervalMs?: number } = {}): SweepRunner {
  const intervalMs = options.intervalMs ?? SWEEP_INTERVAL_MINUTES * 60_000;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const runOnce = () => {
    const pass = running.then(() => (stopped ? {} : runSweepsOnce(deps)));
    running = pass.catch((error: unknown) => deps.log.error({ err: error }, 'sweep pass failed'));
    return pass;
  };
  const timer = setInterval(() => void runOnce().catch(() => undefined), intervalMs);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
