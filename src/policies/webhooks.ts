import { hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** Slack and Teams endpoints carry secret URLs and speak for the program: admins only. */
export const webhookPolicy = {
  list: (actor: Actor) => hasRole(actor.roles, 'admin'),
  manage: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
