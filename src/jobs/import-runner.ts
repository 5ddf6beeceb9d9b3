import type { ServiceDeps } from '../services/context.js';
import { IMPORT_LEASE_MS } from '../services/imports/import-limits.js';
import { claimImportJob, findAbandonedImportJobs, runImportJob, type RunOptions } from '../services/imports/run-import-job.js';

/** Runs import jobs in this process, in the background of the request that queued them. */
export interface ImportRunner {
  /** Claims the job and runs it in the background; a job another worker holds is left alone. */
  start(jobId: string): void;
  /** Claims and starts every job nobody is running (a crashed worker's, or one queued while this instance was down). */
  sweep(): Promise<number>;
  /** Resolves when every run this runner started has ended. */
  idle(): Promise<void>;
  /** Stops after the batch in flight of each run, handing the jobs back for another worker. */
  stop(): Promise<void>;
}

type RunnerDeps = ServiceDeps;

export function createImportRunner(deps: RunnerDeps, options: Omit<RunOptions, 'shouldStop'> = {}): ImportRunner {
  const running = new Map<string, Promise<unknown>>();
  let stopped = false;
  const leaseMs = options.leaseMs ?? IMPORT_LEASE_MS;

  const run = async (jobId: string) => {
    const claimed = await claimImportJob(deps.db, jobId, deps.now(), leaseMs);
    if (!claimed) return;
    await runImportJob(deps, claimed, { ...options, leaseMs, shouldStop: () => stopped });
  };

  const start = (jobId: string) => {
    if (stopped || running.has(jobId)) return;
    const promise = run(jobId)
      .catch((error: unknown) => deps.log.error({ err: error, importJobId: jobId }, 'import run failed to start'))
      .finally(() => running.delete(jobId));
    running.set(jobId, promise);
  };

  return {
    start,
    async sweep() {
      if (stopped) return 0;
      const ids = (await findAbandonedImportJobs(deps.db, deps.now())).filter((id) => !running.has(id));
      ids.forEach(start);
      return ids.length;
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running.values()]);
    },
    async stop() {
      stopped = true;
      await this.idle();
    },
  };
}
