import { and, desc, eq, lt, or, type AnyColumn, type SQL } from 'drizzle-orm';
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

export function encodeCursor(at: Date, id: string | number): string {
  return encodeCursorParts([at.toISOString(), String(id)]);
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  const parts = decodeCursorParts(cursor, 2, (part, i) => (i === 0 ? !Number.isNaN(Date.parse(part)) : true));
  return parts ? { at: parts[0]!, id: parts[1]! } : null;
}

/** The WHERE condition that continues after the cursor, for columns ordered DESC. */
export function afterCursor(cursor: CursorKey | null, atColumn: AnyColumn, idColumn: AnyColumn): SQL | undefined {
  if (!cursor) return undefined;
  const at = new Date(cursor.at);
  return or(lt(atColumn, at), and(eq(atColumn, at), lt(idColumn, cursor.id)));
}

export function newestFirst(atColumn: AnyColumn, idColumn: AnyColumn): SQL[] {
  return [desc(atColumn), desc(idColumn)];
}

/** Fetch limit + 1 rows; this trims the extra one and builds the next cursor. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => { at: Date; id: string | number }): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last).at, key(last).id) : null };
}
