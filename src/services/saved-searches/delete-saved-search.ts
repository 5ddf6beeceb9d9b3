import { and, eq } from 'drizzle-orm';
import { savedSearches } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/** Deletes one of the actor's saved searches. */
export async function deleteSavedSearch(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const deleted = await tx
      .delete(savedSearches)
      .where(and(eq(savedSearches.id, id), eq(savedSearches.userId, actor.userId)))
      .returning({ id: savedSearches.id });
    if (!deleted.length) throw notFound('The saved search');
  });
}
