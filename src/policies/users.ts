import { hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** Who may do what with internal users and invitations. */
export const userPolicy = {
  list: (actor: Actor) => hasRole(actor.roles, 'admin'),
  view: (actor: Actor, userId: string) => hasRole(actor.roles, 'admin') || actor.userId === userId,
  update: (actor: Actor) => hasRole(actor.roles, 'admin'),
  deactivate: (actor: Actor, userId: string) => hasRole(actor.roles, 'admin') && actor.userId !== userId,
  invite: (actor: Actor) => hasRole(actor.roles, 'admin'),
  manageInvitations: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
