import { hasAnyRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** Whose saved search it is, as far as access decisions need it. */
export interface SavedSearchAccess {
  userId: string;
}

/**
 * Saved searches are personal: anyone who may search advocates keeps their own, and nobody,
 * admins included, reads or changes another person's. Routes answer 404 for others' searches,
 * so their existence does not leak.
 */
export const savedSearchPolicy = {
  use: (actor: Actor) => hasAnyRole(actor.roles, ['admin', 'sales', 'owner', 'marketing', 'exec']),
  manage: (actor: Actor, access: SavedSearchAccess) => savedSearchPolicy.use(actor) && access.userId === actor.userId,
};
