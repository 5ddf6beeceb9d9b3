import { hasAnyRole, hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** The account of the advocate a profile change belongs to, as far as access needs it. */
export interface ProfileChangeAccess {
  accountOwnerUserId: string | null;
}

const isOwnerOf = (actor: Actor, access: ProfileChangeAccess) => hasRole(actor.roles, 'owner') && access.accountOwnerUserId === actor.userId;

/**
 * Advocates' proposed profile updates. Admins review and decide them. Relationship owners see
 * (read-only) the proposals of their own accounts' advocates, since they know these people and
 * may see their contact details anyway; nobody else sees them.
 */
export const profileChangePolicy = {
  list: (actor: Actor) => hasAnyRole(actor.roles, ['admin', 'owner']),
  /** Which proposals a list shows: every one for admins, their accounts' for owners. */
  listScope: (actor: Actor): 'all' | 'owned' => (hasRole(actor.roles, 'admin') ? 'all' : 'owned'),
  read: (actor: Actor, access: ProfileChangeAccess) => hasRole(actor.roles, 'admin') || isOwnerOf(actor, access),
  decide: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
