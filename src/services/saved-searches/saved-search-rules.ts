import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { savedSearches, type SavedSearchRow } from '../../db/schema/index.js';
import { conflict } from '../errors.js';

/* Shared by the saved-search use cases: the stored query's shape and the name rule. */

export type SavedSearchQuery = SavedSearchRow['query'];

export interface SaveSearchInput {
  name: string;
  query: SavedSearchQuery;
}

/** A person keeps at most this many saved searches. */
export const MAX_SAVED_SEARCHES = 100;

/** The query as stored: trimmed text, no empty filters, each value once. */
export function normalizeSavedQuery(query: SavedSearchQuery): SavedSearchQuery {
  const filters: Record<string, string[]> = {};
  for (const [facet, values] of Object.entries(query.filters)) {
    const unique = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
    if (unique.length) filters[facet] = unique;
  }
  const q = query.q?.trim();
  return { ...(q ? { q } : {}), ...(query.sort ? { sort: query.sort } : {}), filters };
}

export const nameTaken = () => conflict('You already have a saved search with this name.', [{ field: 'name', reason: 'is already used by another of your saved searches' }]);

export function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

export async function assertNameFree(tx: Executor, userId: string, name: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: savedSearches.id })
    .from(savedSearches)
    .where(and(eq(savedSearches.userId, userId), eq(sql`lower(${savedSearches.name})`, name.toLowerCase()), exceptId ? ne(savedSearches.id, exceptId) : undefined))
    .limit(1);
  if (taken) throw nameTaken();
}

