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

export function encodeCursor(at: Date, id: string | number): string {
  return Buffer.from(JSON.stringify({ at: at.toISOString(), id: String(id) })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): CursorKey | null {
  if (!cursor) return null;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<CursorKey>;
    if (typeof parsed.at === 'string' && typeof parsed.id === 'string' && !Number.isNaN(Date.parse(parsed.at))) {
      return { at: parsed.at, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw invalidInput([{ field: 'query.cursor', reason: 'is not a cursor this API returned' }]);
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
