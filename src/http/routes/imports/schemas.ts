import { z } from 'zod';
import { IMPORT_KINDS, IMPORT_ROW_OUTCOMES, IMPORT_STATUSES } from '../../../db/schema/index.js';

export const importKindSchema = z.enum(IMPORT_KINDS, { message: 'must be accounts, advocates or opportunities' });

const fieldErrorSchema = z.object({ field: z.string(), reason: z.string() });

export const importFieldSchema = z
  .object({
    field: z.string(),
    label: z.string(),
    /** Mapping this field (or one of its group) is required. */
    required: z.boolean(),
  })
  .meta({ id: 'ImportField' });

export const importJobSchema = z
  .object({
    id: z.uuid(),
    kind: importKindSchema,
    status: z.enum(IMPORT_STATUSES),
    dryRun: z.boolean(),
    fileName: z.string(),
    sourceFormat: z.enum(['salesforce', 'hubspot', 'generic']),
    headers: z.array(z.string()),
    mapping: z.record(z.string(), z.string().nullable()).describe('CSV header → Vouch field, or null when the column is ignored'),
    fields: z.array(importFieldSchema).describe('The fields a column can be mapped to for this kind'),
    requiredFieldGroups: z.array(z.array(z.string())).describe('Each group needs at least one of its fields mapped'),
    totalRows: z.number().int(),
    processedRows: z.number().int(),
    counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() }),
    error: z.string().nullable(),
    createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });

export const uploadedImportSchema = z
  .object({
    job: importJobSchema,
    sample: z.array(z.array(z.string())).describe('The first data rows as cells by column (e-mail and phone masked)'),
  })
  .meta({ id: 'UploadedImport' });

export const importRowResultSchema = z
  .object({
    rowNumber: z.number().int().describe('1-based data row (the header is row 0)'),
    outcome: z.enum(IMPORT_ROW_OUTCOMES),
    recordId: z.uuid().nullable(),
    label: z.string().nullable(),
    errors: z.array(fieldErrorSchema),
  })
  .meta({ id: 'ImportRowResult' });

export const importPreviewSchema = z
  .object({
    sample: z.array(z.array(z.string())).describe('The first data rows as cells by column (e-mail and phone masked)'),
    rows: z.array(z.object({ rowNumber: z.number().int(), cells: z.record(z.string(), z.string()), errors: z.array(fieldErrorSchema) })),
  })
  .meta({ id: 'ImportPreview' });

export const uploadQuery = z.object({
  kind: importKindSchema,
  fileName: z.string().trim().min(1, 'is required').max(255, 'must be at most 255 characters').default('import.csv'),
});

export const mappingBody = z
  .object({
    mapping: z
      .record(z.string().max(500), z.string().max(100).nullable())
      .describe('CSV header → Vouch field (null to ignore the column); headers left out keep their current field'),
  })
  .strict();

export const runBody = z.object({ dryRun: z.boolean().describe('Validate and count without writing any record') }).strict();

export const rowsQuery = z.object({ outcome: z.enum(IMPORT_ROW_OUTCOMES).optional() });
