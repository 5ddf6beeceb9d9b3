import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { importJobs, importRowResults, users, type ImportJobRow, type ImportRowOutcome, type ImportRowResultRow } from '../../db/schema/index.js';
import { mapRow, validateAccountRow, validateAdvocateRow } from '../../domain/import/validate-row.js';
import type { ServiceDeps } from '../context.js';
import { notFound, type FieldError } from '../errors.js';
import { afterCursor, decodeCursor, decodeCursorParts, encodeCursorParts, exactTime, newestFirst, toPage, type Page } from '../pagination.js';
import { readImportSourceStart } from './import-source.js';
import { detectDelimiter, readCsvPrefix } from './parse-csv.js';
import { loadRowMatchers } from './run-import-job.js';
import { loadOpportunityImportContext } from './opportunity-batch.js';
import { validateOpportunityRow } from '../../domain/import/validate-opportunity-row.js';

export interface ImportJobWithAuthor {
  job: ImportJobRow;
  createdBy: { id: string; name: string } | null;
}

async function withAuthors(deps: ServiceDeps, jobs: ImportJobRow[]): Promise<ImportJobWithAuthor[]> {
  const ids = [...new Set(jobs.map((j) => j.createdByUserId))];
  const authors = ids.length ? await deps.db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids)) : [];
  const byId = new Map(authors.map((a) => [a.id, a]));
  return jobs.map((job) => ({ job, createdBy: byId.get(job.createdByUserId) ?? null }));
}

/** Imports, newest first, keyset-paged. */
export async function listImports(deps: ServiceDeps, query: { cursor?: string; limit: number }): Promise<Page<ImportJobWithAuthor>> {
  const cursor = decodeCursor(query.cursor);
  const rows = await deps.db
    .select({ job: importJobs, at: exactTime(importJobs.createdAt) })
    .from(importJobs)
    .where(afterCursor(cursor, importJobs.createdAt, importJobs.id))
    .orderBy(...newestFirst(importJobs.createdAt, importJobs.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.at, id: r.job.id }));
  return { items: await withAuthors(deps, page.items.map((r) => r.job)), nextCursor: page.nextCursor };
}

export async function getImport(deps: ServiceDeps, id: string): Promise<ImportJobWithAuthor> {
  const [job] = await deps.db.select().from(importJobs).where(eq(importJobs.id, id)).limit(1);
  if (!job) throw notFound('The import');
  const [withAuthor] = await withAuthors(deps, [job]);
  return withAuthor!;
}

/** The last run's outcome per row, in row order, optionally of one outcome only. */
export async function listImportRows(deps: ServiceDeps, id: string, query: { outcome?: ImportRowOutcome; cursor?: string; limit: number }): Promise<Page<ImportRowResultRow>> {
  await getImport(deps, id);
  const after = decodeCursorParts(query.cursor, 1, (part) => /^\d{1,9}$/.test(part));
  const rows = await deps.db
    .select()
    .from(importRowResults)
    .where(
      and(
        eq(importRowResults.jobId, id),
        query.outcome ? eq(importRowResults.outcome, query.outcome) : undefined,
        after ? gt(importRowResults.rowNumber, Number(after[0])) : undefined,
      ),
    )
    .orderBy(asc(importRowResults.rowNumber))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursorParts([String(last.rowNumber)]) : null };
}

export interface PreviewRow {
  rowNumber: number;
  /** Cells by Vouch field under the current mapping. */
  cells: Record<string, string>;
  errors: FieldError[];
}

/**
 * The first rows of the file read through the current mapping, each with the problems the row
 * checks find (taxonomy values, numbers, e-mail…). Reads only the file's first stored part (256k characters).
 * Matching against stored records happens in the dry run.
 */
export async function previewImport(deps: ServiceDeps, id: string, limit: number): Promise<{ job: ImportJobRow; records: string[][]; rows: PreviewRow[] }> {
  const { job } = await getImport(deps, id);
  const start = await readImportSourceStart(deps.db, id);
  const records = await readCsvPrefix(start.text, start.truncated, detectDelimiter(start.text), limit);
  const matchers = await loadRowMatchers(deps.db);
  const opportunities = job.kind === 'opportunities' ? await loadOpportunityImportContext(deps.db, matchers) : null;
  const rows = records.map((record, i) => {
    const cells = mapRow(job.headers, record, job.mapping);
    let errors: FieldError[];
    if (opportunities) {
      const result = validateOpportunityRow(cells, opportunities.matchers);
      const owner = result.ok && result.values.owner ? opportunities.owners.resolve(result.values.owner) : null;
      errors = [...(result.ok ? [] : result.errors), ...(owner && 'reason' in owner ? [{ field: 'ownerEmail', reason: owner.reason }] : [])];
    } else {
      const result = job.kind === 'accounts' ? validateAccountRow(cells, matchers) : validateAdvocateRow(cells, matchers);
      errors = result.ok ? [] : result.errors;
    }
    return { rowNumber: i + 1, cells: cells as Record<string, string>, errors };
  });
  return { job, records, rows };
}
