import { stringify } from 'csv-stringify/sync';
import { and, asc, eq, gt } from 'drizzle-orm';
import { importRowResults } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { getImport } from './list-imports.js';

const PAGE = 5_000;
export const REPORT_COLUMNS = ['row', 'outcome', 'record_id', 'label', 'errors'];

/** A cell a spreadsheet would run as a formula ("=HYPERLINK(…)") is prefixed with a quote. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The last run's report as CSV, produced a page at a time so a 100k-row report never sits in
 * memory: one line per data row with its outcome, the record it created or updated, and why a
 * rejected row was refused ("field: reason; …").
 */
export async function* streamImportReport(deps: ServiceDeps, id: string): AsyncGenerator<string> {
  await getImport(deps, id);
  yield stringify([REPORT_COLUMNS]);
  let after = 0;
  for (;;) {
    const rows = await deps.db
      .select()
      .from(importRowResults)
      .where(and(eq(importRowResults.jobId, id), gt(importRowResults.rowNumber, after)))
      .orderBy(asc(importRowResults.rowNumber))
      .limit(PAGE);
    if (rows.length === 0) return;
    yield stringify(
      rows.map((r) => [r.rowNumber, r.outcome, r.recordId ?? '', spreadsheetSafe(r.label ?? ''), spreadsheetSafe(r.errors.map((e) => `${e.field}: ${e.reason}`).join('; '))]),
    );
    after = rows[rows.length - 1]!.rowNumber;
    if (rows.length < PAGE) return;
  }
}
