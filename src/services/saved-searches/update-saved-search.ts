import { and, eq } from 'drizzle-orm';
import { savedSearches, type SavedSearchRow } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { assertNameFree, isUniqueViolation, nameTaken, normalizeSavedQuery, type SaveSearchInput } from './saved-search-rules.js';

/** Renames the saved search and/or replaces its query. */
export async function updateSavedSearch(deps: ServiceDeps, actor: Actor, id: string, input: Partial<SaveSearchInput>): Promise<SavedSearchRow> {
  return deps.db
    .transaction(async (tx) => {
      const name = input.name?.trim();
      if (name !== undefined) await assertNameFree(tx, actor.userId, name, id);
      const [row] = await tx
        .update(savedSearches)
        .set({
          ...(name !== undefined ? { name } : {}),
          ...(input.query ? { query: normalizeSavedQuery(input.query) } : {}),
          updatedAt: deps.now(),
        })
        .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
        .returning();
      if (!row) throw notFound('The saved search');
      return row;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    });
}
