import { count, eq } from 'drizzle-orm';
import { savedSearches, type SavedSearchRow } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict } from '../errors.js';
import { assertNameFree, isUniqueViolation, MAX_SAVED_SEARCHES, nameTaken, normalizeSavedQuery, type SaveSearchInput } from './saved-search-rules.js';

/** Saves the actor's search under a name of their own (unique per person, ignoring case). */
export async function saveSearch(deps: ServiceDeps, actor: Actor, input: SaveSearchInput): Promise<SavedSearchRow> {
  const name = input.name.trim();
  return deps.db
    .transaction(async (tx) => {
      await assertNameFree(tx, actor.userId, name);
      const [mine] = await tx.select({ n: count() }).from(savedSearches).where(eq(savedSearches.userId, actor.userId));
      if ((mine?.n ?? 0) >= MAX_SAVED_SEARCHES) throw conflict(`You can keep up to ${MAX_SAVED_SEARCHES} saved searches. Delete one you no longer use first.`);
      const now = deps.now();
      const [row] = await tx
        .insert(savedSearches)
        .values({ userId: actor.userId, name, query: normalizeSavedQuery(input.query), createdAt: now, updatedAt: now })
        .returning();
      if (!row) throw new Error('saved search insert returned nothing');
      return row;
    })
    .catch((error: unknown) => {
      // Two saves of the same name at once: the unique index decides.
      if (isUniqueViolation(error)) throw nameTaken();
      throw error;
    });
}
