import type { z } from 'zod';
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, PROTECTED_IMPORT_FIELDS, REQUIRED_FIELD_GROUPS } from '../../../domain/import/fields.js';
import type { ImportRowResultRow } from '../../../db/schema/index.js';
import type { ImportJobWithAuthor, PreviewRow } from '../../../services/imports/list-imports.js';
import type { importJobSchema, importRowResultSchema } from './schemas.js';

export type ImportJobView = z.infer<typeof importJobSchema>;
type SourceFormat = ImportJobView['sourceFormat'];

const FORMATS: readonly SourceFormat[] = ['salesforce', 'hubspot', 'generic'];

export function presentImportJob({ job, createdBy }: ImportJobWithAuthor): ImportJobView {
  const required = new Set(REQUIRED_FIELD_GROUPS[job.kind].flat());
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    dryRun: job.dryRun,
    fileName: job.fileName,
    sourceFormat: FORMATS.find((f) => f === job.sourceFormat) ?? 'generic',
    headers: job.headers,
    mapping: job.mapping,
    fields: IMPORT_FIELDS[job.kind].map((field) => ({ field, label: IMPORT_FIELD_LABELS[field], required: required.has(field) })),
    requiredFieldGroups: REQUIRED_FIELD_GROUPS[job.kind].map((group) => [...group]),
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    counts: { created: job.createdCount, updated: job.updatedCount, unchanged: job.unchangedCount, rejected: job.rejectedCount },
    error: job.error,
    createdBy,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** E-mail and phone are protected even in an uploaded file: previews show only their shape. */
export function maskProtected(field: string, value: string): string {
  if (!value || !PROTECTED_IMPORT_FIELDS.some((f) => f === field)) return value;
  if (field === 'email') {
    const at = value.lastIndexOf('@');
    return at >= 0 ? `•••${value.slice(at)}` : '•••';
  }
  return `•••${value.replace(/\D/g, '').slice(-2)}`;
}

export function presentSample(sample: string[][], headers: string[], mapping: Record<string, string | null>): string[][] {
  return sample.map((record) => headers.map((header, i) => maskProtected(mapping[header] ?? '', record[i] ?? '')));
}

export function presentPreviewRow(row: PreviewRow): PreviewRow {
  return { ...row, cells: Object.fromEntries(Object.entries(row.cells).map(([field, value]) => [field, maskProtected(field, value)])) };
}

export function presentRowResult(row: ImportRowResultRow): z.infer<typeof importRowResultSchema> {
  return { rowNumber: row.rowNumber, outcome: row.outcome, recordId: row.recordId, label: row.label, errors: row.errors };
}
