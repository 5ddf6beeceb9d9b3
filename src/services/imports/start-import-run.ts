import { eq } from 'drizzle-orm';
import { importJobs, importRowResults, type ImportJobRow } from '../../db/schema/index.js';
import { findMappingErrors } from '../../domain/import/fields.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound } from '../errors.js';

/**
 * Queues a dry run or the real import of an uploaded file. A new run starts from scratch: the
 * previous run's report and counters are cleared (the records it wrote stay, and a repeat finds
 * them unchanged). Refused while a run is queued or running.
 */
export async function startImportRun(deps: ServiceDeps, actor: Actor, id: string, dryRun: boolean): Promise<ImportJobRow> {
  return deps.db.transaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, id)).for('update');
    if (!job) throw notFound('The import');
    if (job.status === 'queued' || job.status === 'running') throw conflict('This import is already running.');
    const errors = findMappingErrors(job.kind, job.headers, job.mapping);
    if (errors.length > 0) throw invalidInput(errors, 'Fix the mapping before running the import.');
    await tx.delete(importRowResults).where(eq(importRowResults.jobId, id));
    const [queued] = await tx
      .update(importJobs)
      .set({
        status: 'queued',
        dryRun,
        processedRows: 0,
        createdCount: 0,
        updatedCount: 0,
        unchangedCount: 0,
        rejectedCount: 0,
        error: null,
        startedAt: null,
        finishedAt: null,
        leaseUntil: null,
      })
      .where(eq(importJobs.id, id))
      .returning();
    if (!queued) throw notFound('The import');
    await recordAudit(tx, { action: 'import.run_started', actor, target: { type: 'import_job', id, label: job.fileName }, details: { kind: job.kind, dryRun, rows: job.totalRows } });
    return queued;
  });
}
