import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { importJobParts } from '../../db/schema/index.js';
import { IMPORT_PART_CHARS } from './import-limits.js';

/**
 * The text cut into parts of at most `size` UTF-16 units, never between the two halves of a
 * surrogate pair (a lone half cannot be stored as UTF-8 and would come back as U+FFFD).
 */
export function splitImportSource(text: string, size = IMPORT_PART_CHARS): string[] {
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && end - start > 1) end--;
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

/** Stores an uploaded file's text as the job's parts, in order, one statement per part. */
export async function storeImportSource(tx: Executor, jobId: string, text: string): Promise<void> {
  const parts = splitImportSource(text);
  for (const [part, body] of parts.entries()) await tx.insert(importJobParts).values({ jobId, part, body });
}

/** The job's first part and whether more follow: enough for a preview of the first rows. */
export async function readImportSourceStart(db: Executor, jobId: string): Promise<{ text: string; truncated: boolean }> {
  const [row] = await db
    .select({
      body: importJobParts.body,
      more: sql<boolean>`exists (select 1 from import_job_parts p where p.job_id = ${jobId}::uuid and p.part = 1)`,
    })
    .from(importJobParts)
    .where(and(eq(importJobParts.jobId, jobId), eq(importJobParts.part, 0)));
  return { text: row?.body ?? '', truncated: row?.more ?? false };
}

/** The job's file a part at a time, in order; each part is read only when the previous one was consumed. */
export async function* readImportSource(db: Executor, jobId: string): AsyncGenerator<string> {
  for (let after = -1; ; ) {
    const [row] = await db
      .select({ part: importJobParts.part, body: importJobParts.body })
      .from(importJobParts)
      .where(and(eq(importJobParts.jobId, jobId), gt(importJobParts.part, after)))
      .orderBy(asc(importJobParts.part))
      .limit(1);
    if (!row) return;
    after = row.part;
    yield row.body;
  }
}
