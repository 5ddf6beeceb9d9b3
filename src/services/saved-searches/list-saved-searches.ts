import { asc, eq, sql } from 'drizzle-orm';
import { savedSearches, type SavedSearchRow } from '../../db/schema/index.js';
import type { SavedSearchAccess } from '../../policies/saved-searches.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/** The actor's own saved searches, by name. */
export async function listSavedSearches(deps: ServiceDeps, actor: Actor): Promise<SavedSearchRow[]> {
  return deps.db
    .select()
    .from(savedSearches)
    .where(eq(savedSearches.userId, actor.userId))
    .orderBy(sql`lower(${savedSearches.name})`, asc(savedSearches.id));
}

/** Whose search this is, read before anything else; 404 when there is none. */
export async function getSavedSearchAccess(deps: ServiceDeps, id: string): Promise<SavedSearchAccess> {
  const [row] = await deps.db.select({ userId: savedSearches.userId }).from(savedSearches).where(eq(savedSearches.id, id)).limit(1);
  if (!row) throw notFound('The saved search');
  return row;
}
