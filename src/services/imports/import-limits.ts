/** Rows written per transaction by a run: large enough for set-based SQL, small enough for steady progress. */
export const IMPORT_BATCH_SIZE = 2_000;
/** How long a run holds a job without renewing; the sweeper resumes jobs whose lease ran out. */
export const IMPORT_LEASE_MS = 60_000;
/**
 * Characters per stored part of an uploaded file (`import_job_parts`; migration 0017 splits older
 * files at the same size). A run holds one part at a time, whatever the file's size.
 */
export const IMPORT_PART_CHARS = 256 * 1024;
