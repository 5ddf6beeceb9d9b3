import { hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** The audit log is for program admins only. */
export const auditPolicy = {
  list: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
