import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const IMPORT_KINDS = ['accounts', 'advocates', 'opportunities'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** uploaded → (dry run or import) queued → running → completed | failed. */
export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'completed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_ROW_OUTCOMES = ['created', 'updated', 'unchanged', 'rejected'] as const;
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];

/**
 * One CSV file being imported. The file is kept in the database (not on local disk, see
 * `importJobParts`) so any instance can run or resume the job; progress counters are updated
 * after every batch.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<ImportKind>().notNull(),
    status: text('status').$type<ImportStatus>().notNull().default('uploaded'),
    dryRun: boolean('dry_run').notNull().default(false),
    fileName: text('file_name').notNull(),
    /** Detected source format: salesforce, hubspot or generic. */
    sourceFormat: text('source_format').notNull().default('generic'),
    headers: text('headers').array().notNull(),
    /** CSV header → Vouch field (null = ignored). */
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull().default({}),
    totalRows: integer('total_rows').notNull().default(0),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    unchangedCount: integer('unchanged_count').notNull().default(0),
    rejectedCount: integer('rejected_count').notNull().default(0),
    error: text('error'),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Lease of the worker running the job, so a crashed run can be picked up again. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt, t.id), index('import_jobs_status_idx').on(t.status)],
);

/**
 * The uploaded CSV text in consecutive parts of at most IMPORT_PART_CHARS characters, so a run
 * reads the file a part at a time: neither the server nor the embedded database ever holds a
 * whole large file in one value.
 */
export const importJobParts = pgTable(
  'import_job_parts',
  {
    jobId: uuid('job_id')
      .notNull()
      .references(() => importJobs.id, { onDelete: 'cascade' }),
    /** 0-based position of the part in the file. */
    part: integer('part').notNull(),
    body: text('body').notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.part] })],
);

/** What happened to each row of the last run of a job: the downloadable report. */
export const importRowResults = pgTable(
  'import_row_results',
  {
    /**
     * The job; no foreign key, which cost as much as the rest of the insert (a key check per row).
     * Only the run holding the job's lease writes here, in the transaction that checks the lease on
     * the job's own row; a deleted job's rows go with it (delete trigger, migration 0018).
     */
    jobId: uuid('job_id').notNull(),
    /** 1-based data row number (the header is row 0), as a spreadsheet user counts after the header. */
    rowNumber: integer('row_number').notNull(),
    outcome: text('outcome').$type<ImportRowOutcome>().notNull(),
    recordId: uuid('record_id'),
    /** The row's identifying value (CRM id, e-mail or name) for the report. */
    label: text('label'),
    /** field → reason, for rejected rows. */
    errors: jsonb('errors').$type<{ field: string; reason: string }[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNumber] })],
);

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportRowResultRow = typeof importRowResults.$inferSelect;
