import { hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** Outgoing messages can hold sign-in links: admins only. */
export const outboxPolicy = {
  list: (actor: Actor) => hasRole(actor.roles, 'admin'),
  view: (actor: Actor) => hasRole(actor.roles, 'admin'),
  retry: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
