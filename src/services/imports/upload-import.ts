import { eq } from 'drizzle-orm';
import { importJobs, type ImportJobRow, type ImportKind } from '../../db/schema/index.js';
import { detectSourceFormat, suggestMapping } from '../../domain/import/detect-headers.js';
import { findMappingErrors } from '../../domain/import/fields.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound } from '../errors.js';
import { storeImportSource } from './import-source.js';
import { readCsvOverview } from './parse-csv.js';

export interface UploadedImport {
  job: ImportJobRow;
  /** The first data rows, for the preview. */
  sample: string[][];
}

/**
 * Stores an uploaded CSV as a new import job with its detected format and suggested mapping.
 * Nothing is imported yet: the admin checks the mapping, then starts a dry run or the import.
 */
export async function uploadImport(deps: ServiceDeps, actor: Actor, input: { kind: ImportKind; fileName: string; csv: string }): Promise<UploadedImport> {
  const overview = await readCsvOverview(input.csv);
  if (overview.totalRows === 0) throw invalidInput([{ field: '(body)', reason: 'has a header row but no data rows' }], 'The file has no rows to import.');
  const sourceFormat = detectSourceFormat(overview.headers);
  const mapping = suggestMapping(input.kind, overview.headers);
  const job = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(importJobs)
      .values({
        kind: input.kind,
        fileName: input.fileName,
        sourceFormat,
        headers: overview.headers,
        mapping,
        totalRows: overview.totalRows,
        createdByUserId: actor.userId,
        createdAt: deps.now(),
      })
      .returning();
    if (!row) throw new Error('import job insert returned nothing');
    await storeImportSource(tx, row.id, input.csv);
    await recordAudit(tx, {
      action: 'import.uploaded',
      actor,
      target: { type: 'import_job', id: row.id, label: row.fileName },
      details: { kind: row.kind, sourceFormat, rows: overview.totalRows, bytes: Buffer.byteLength(input.csv) },
    });
    return row;
  });
  return { job, sample: overview.sample };
}

/** Changes which column feeds which field; refused while the job runs. Every mapping problem is reported at once. */
export async function updateImportMapping(deps: ServiceDeps, actor: Actor, id: string, mapping: Record<string, string | null>): Promise<ImportJobRow> {
  return deps.db.transaction(async (tx) => {
    const [job] = await tx.select().from(importJobs).where(eq(importJobs.id, id)).for('update');
    if (!job) throw notFound('The import');
    if (job.status === 'queued' || job.status === 'running') throw conflict('The import is running: wait for it to finish before changing the mapping.');
    // Columns left out of the body keep their current field.
    const full = Object.fromEntries(job.headers.map((h) => [h, mapping[h] === undefined ? (job.mapping[h] ?? null) : mapping[h]]));
    const errors = findMappingErrors(job.kind, job.headers, { ...full, ...mapping });
    if (errors.length > 0) throw invalidInput(errors, 'The mapping is not usable.');
    const [updated] = await tx.update(importJobs).set({ mapping: full }).where(eq(importJobs.id, id)).returning();
    if (!updated) throw notFound('The import');
    await recordAudit(tx, { action: 'import.mapping_changed', actor, target: { type: 'import_job', id, label: job.fileName }, details: { mapping: full } });
    return updated;
  });
}
