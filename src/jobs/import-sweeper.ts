import type { ServiceDeps } from '../services/context.js';
import { createImportRunner, type ImportRunner } from './import-runner.js';

export interface ImportSweeper {
  runner: ImportRunner;
  stop(): Promise<void>;
}

/**
 * Resumes import jobs whose worker died (lease expired) or that were queued while no worker took
 * them. Any instance may sweep: claiming is a conditional update, so each job runs once.
 * The timer does not keep the process alive.
 */
export function startImportSweeper(deps: ServiceDeps, options: { intervalMs?: number } = {}): ImportSweeper {
  const intervalMs = options.intervalMs ?? 15_000;
  const runner = createImportRunner(deps);
  let sweeping: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    sweeping = sweeping.then(() => runner.sweep()).catch((error: unknown) => deps.log.error({ err: error }, 'import sweep failed'));
  }, intervalMs);
  timer.unref();
  return {
    runner,
    async stop() {
      clearInterval(timer);
      await sweeping;
      await runner.stop();
    },
  };
}
