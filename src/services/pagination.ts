import { desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { invalidInput } from './errors.js';

/** Keyset pagination over (created-at, id), newest first. The cursor is opaque to clients. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

interface CursorKey {
  at: string;
  id: string;
}

/** Every keyset cursor is the sort key's values, as strings, in an opaque base64url envelope. */
export function encodeCursorParts(parts: readonly string[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * Reads a cursor made by encodeCursorParts with `length` parts that each pass `valid`;
 * anything else is a 400 on `query.cursor`.
 */
export function decodeCursorParts(
  cursor: string | undefined,
  length: number,
  valid: (part: string, index: number) => boolean = () => true,
  reason = 'is not a cursor this API returned',
): string[] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && value.length === length && value.every((v, i) => typeof v === 'string' && valid(v, i))) return value as string[];
  } catch {
    // fall through to the error below
  }
  throw invalidInput([{ field: 'query.cursor', reason }]);
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A timestamp column as PostgreSQL prints it, microseconds kept. Cursors carry this text, never a
 * JS Date: a Date keeps milliseconds, and a cursor built from one skips the rows written later in
 * the same millisecond as the page's last row.
 */
export function exactTime(column: AnyColumn): SQL<string> {
  return sql<string>`(${column})::text`;
}

/** PostgreSQL's text for a timestamptz (ISO date style, any time zone offset). */
const EXACT_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?)(?:[+-]\d{2}(?::\d{2}){0,2}|Z)?$/;

/**
 * Whether text is a timestamp PostgreSQL will read back: a real calendar date from year 1 (a Date
 * would roll 2026-02-30 over to March, PostgreSQL refuses it) and a time before 24:00.
 */
export function isExactTime(text: string): boolean {
  const parts = EXACT_TIME.exec(text);
  if (!parts) return false;
  const [, date = '', time = ''] = parts;
  const at = new Date(`${date}T${time}Z`);
  return !Number.isNaN(at.getTime()) && date >= '0001' && at.toISOString().slice(0, 10) === date && time < '24';
}

export function encodeCursor(at: string, id: string | number): string {
  return encodeCursorParts([at, String(id)]);
}

/** A (created-at, id) cursor; ids are UUIDs unless `id` says otherwise (the audit log's are numbers). */
export function decodeCursor(cursor: string | undefined, id: 'uuid' | 'bigint' = 'uuid'): CursorKey | null {
  const validId = id === 'uuid' ? (part: string) => UUID_PATTERN.test(part) : (part: string) => /^\d{1,18}$/.test(part);
  const parts = decodeCursorParts(cursor, 2, (part, i) => (i === 0 ? isExactTime(part) : validId(part)));
  return parts ? { at: parts[0]!, id: parts[1]! } : null;
}

/** The WHERE condition that continues after the cursor, for (at, id) ordered DESC. */
export function afterCursor(cursor: CursorKey | null, atColumn: AnyColumn, idColumn: AnyColumn, id: 'uuid' | 'bigint' = 'uuid'): SQL | undefined {
  if (!cursor) return undefined;
  return sql`(${atColumn}, ${idColumn}) < (cast(${cursor.at} as timestamptz), cast(${cursor.id} as ${sql.raw(id)}))`;
}

export function newestFirst(atColumn: AnyColumn, idColumn: AnyColumn): SQL[] {
  return [desc(atColumn), desc(idColumn)];
}

/** Fetch limit + 1 rows; this trims the extra one and builds the next cursor. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => { at: string; id: string | number }): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last).at, key(last).id) : null };
}
