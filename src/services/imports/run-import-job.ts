import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { importJobs, taxonomyValues, type ImportJobRow } from '../../db/schema/index.js';
import { mapRow, type RowMatchers } from '../../domain/import/validate-row.js';
import { createCountryMatcher, createIndustryMatcher, type TaxonomyEntry } from '../../domain/import/values.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceDeps } from '../context.js';
import { planAccountBatch, writeAccounts } from './account-batch.js';
import { AccountDirectory, planAdvocateBatch, writeAdvocates } from './advocate-batch.js';
import { commitImportBatch, LeaseLostError } from './commit-batch.js';
import { FileIdentities, type BatchRow } from './import-batch.js';
import { IMPORT_BATCH_SIZE, IMPORT_LEASE_MS } from './import-limits.js';
import { loadOpportunityImportContext, planOpportunityBatch, writeOpportunities } from './opportunity-batch.js';
import { readImportSource } from './import-source.js';
import { detectDelimiter, isBlankRecord, readCsvRecords, stripBom, uniqueHeaders } from './parse-csv.js';

export interface RunOptions {
  batchSize?: number;
  leaseMs?: number;
  /** Checked between batches: a stopping server leaves the job for the sweeper to resume. */
  shouldStop?: () => boolean;
}

/** Live industry and country values, for the lenient value matching. */
export async function loadRowMatchers(db: Executor): Promise<RowMatchers> {
  const rows = await db
    .select({ facet: taxonomyValues.facet, key: taxonomyValues.key, label: taxonomyValues.label })
    .from(taxonomyValues)
    .where(and(inArray(taxonomyValues.facet, ['industry', 'country']), isNull(taxonomyValues.retiredAt)));
  const of = (facet: string): TaxonomyEntry[] => rows.filter((r) => r.facet === facet);
  return { industry: createIndustryMatcher(of('industry')), country: createCountryMatcher(of('country')) };
}

/**
 * Takes a queued job, or a running one whose lease ran out (its worker died), in one conditional
 * update: of several instances trying at once, exactly one gets it.
 */
export async function claimImportJob(db: Executor, jobId: string, now: Date, leaseMs: number): Promise<{ job: ImportJobRow; lease: Date } | null> {
  const lease = new Date(now.getTime() + leaseMs);
  const [job] = await db
    .update(importJobs)
    .set({ status: 'running', leaseUntil: lease, startedAt: sql`coalesce(${importJobs.startedAt}, ${now.toISOString()}::timestamptz)` })
    .where(
      and(
        eq(importJobs.id, jobId),
        sql`(${importJobs.status} = 'queued' or (${importJobs.status} = 'running' and ${importJobs.leaseUntil} < ${now.toISOString()}::timestamptz))`,
      ),
    )
    .returning();
  return job ? { job, lease } : null;
}

/** Jobs nobody is running: queued without a live claim, or running with an expired lease. */
export async function findAbandonedImportJobs(db: Executor, now: Date): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select id from import_jobs where status in ('queued', 'running') and (lease_until is null or lease_until < ${now.toISOString()}::timestamptz)
        order by created_at limit 10`,
  );
  return rows.map((r) => r.id);
}

/** Hands a job back before its lease runs out (a stopping server), so another worker resumes it at once. */
async function releaseImportJob(db: Executor, jobId: string, lease: Date): Promise<void> {
  await db
    .update(importJobs)
    .set({ leaseUntil: new Date(0) })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'running'), eq(importJobs.leaseUntil, lease)));
}

async function finishJob(deps: ServiceDeps, job: ImportJobRow, lease: Date, failure: string | null): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [done] = await tx
      .update(importJobs)
      .set({ status: failure ? 'failed' : 'completed', error: failure, finishedAt: deps.now(), leaseUntil: null })
      .where(and(eq(importJobs.id, job.id), eq(importJobs.status, 'running'), eq(importJobs.leaseUntil, lease)))
      .returning();
    if (!done) return;
    await recordAudit(tx, {
      action: failure ? 'import.failed' : 'import.completed',
      actor: null,
      actorLabel: 'system',
      target: { type: 'import_job', id: job.id, label: job.fileName },
      details: {
        kind: job.kind,
        dryRun: job.dryRun,
        rows: done.processedRows,
        created: done.createdCount,
        updated: done.updatedCount,
        unchanged: done.unchangedCount,
        rejected: done.rejectedCount,
        ...(failure ? { error: failure } : {}),
      },
    });
  });
}

async function* prepend(first: string, rest: AsyncIterable<string>): AsyncGenerator<string> {
  yield first;
  yield* rest;
}

/**
 * Runs a claimed job to the end: reads the stored file a part at a time, plans and commits one batch
 * at a time, and resumes after the rows a previous worker already committed (re-reading them
 * only to remember their identities, so duplicates across the restart are still caught).
 */
export async function runImportJob(deps: ServiceDeps, claimed: { job: ImportJobRow; lease: Date }, options: RunOptions = {}): Promise<'completed' | 'failed' | 'stopped'> {
  const { job } = claimed;
  let lease = claimed.lease;
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const leaseMs = options.leaseMs ?? IMPORT_LEASE_MS;
  try {
    const matchers = await loadRowMatchers(deps.db);
    const identities = new FileIdentities();
    const accounts = new AccountDirectory();
    const opportunityContext = job.kind === 'opportunities' ? await loadOpportunityImportContext(deps.db, matchers) : null;
    const source = readImportSource(deps.db, job.id);
    const first = await source.next();
    const text = first.done ? '' : stripBom(first.value);
    let headers: string[] | null = null;
    let rowNumber = 0;
    let batch: BatchRow[] = [];
    const plan = async (rows: BatchRow[], replay: boolean) => {
      const context = { matchers, identities, replay };
      const commit = { jobId: job.id, dryRun: job.dryRun, lease, leaseMs };
      if (job.kind === 'accounts') {
        const decided = await planAccountBatch(deps.db, rows, context);
        if (!replay) lease = await commitImportBatch(deps, commit, decided, writeAccounts);
      } else if (opportunityContext) {
        const decided = await planOpportunityBatch(deps.db, rows, { ...opportunityContext, identities, replay });
        if (!replay) lease = await commitImportBatch(deps, commit, decided, writeOpportunities);
      } else {
        const decided = await planAdvocateBatch(deps.db, rows, { ...context, accounts });
        if (!replay) lease = await commitImportBatch(deps, commit, decided, writeAdvocates);
      }
    };
    const flush = async () => {
      const done = batch.filter((r) => r.rowNumber <= job.processedRows);
      const todo = batch.filter((r) => r.rowNumber > job.processedRows);
      batch = [];
      if (done.length > 0) await plan(done, true);
      if (todo.length > 0) await plan(todo, false);
    };
    for await (const record of readCsvRecords(prepend(text, source), detectDelimiter(text))) {
      if (!headers) {
        headers = uniqueHeaders(record);
        continue;
      }
      if (isBlankRecord(record)) continue;
      batch.push({ rowNumber: ++rowNumber, cells: mapRow(headers, record, job.mapping) });
      if (batch.length >= batchSize) {
        await flush();
        if (options.shouldStop?.()) {
          await releaseImportJob(deps.db, job.id, lease);
          return 'stopped';
        }
      }
    }
    if (batch.length > 0) await flush();
    await finishJob(deps, job, lease, null);
    return 'completed';
  } catch (error) {
    if (error instanceof LeaseLostError) return 'stopped';
    deps.log.error({ err: error, importJobId: job.id }, 'import job failed');
    const message = error instanceof Error ? error.message : String(error);
    await finishJob(deps, job, lease, `The import stopped: ${message.slice(0, 500)}`).catch(() => undefined);
    return 'failed';
  }
}
