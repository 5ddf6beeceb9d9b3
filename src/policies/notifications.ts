import { hasAnyRole, ROLES } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** Whose notification it is, as far as access decisions need it. */
export interface NotificationAccess {
  userId: string;
}

/**
 * In-app notifications and message choices are personal: every internal role has its own, and
 * nobody, admins included, reads or marks another person's. Routes answer 404 for another
 * person's notification, so its existence does not leak.
 */
export const notificationPolicy = {
  use: (actor: Actor) => hasAnyRole(actor.roles, ROLES),
  manage: (actor: Actor, access: NotificationAccess) => notificationPolicy.use(actor) && access.userId === actor.userId,
  managePreferences: (actor: Actor) => notificationPolicy.use(actor),
};
