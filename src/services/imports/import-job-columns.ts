import { getTableColumns } from 'drizzle-orm';
import { importJobs, type ImportJobRow } from '../../db/schema/index.js';

/**
 * Every column of a job but the uploaded file itself: lists, progress polls and presenters
 * never need megabytes of CSV.
 */
export function importJobColumns() {
  const { source: _source, ...columns } = getTableColumns(importJobs);
  return columns;
}

export type ImportJobSummary = Omit<ImportJobRow, 'source'>;

/** Rows written per transaction by a run: large enough for set-based SQL, small enough for steady progress. */
export const IMPORT_BATCH_SIZE = 2_000;
/** How long a run holds a job without renewing; the sweeper resumes jobs whose lease ran out. */
export const IMPORT_LEASE_MS = 60_000;
