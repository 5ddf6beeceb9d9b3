import { hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/**
 * CSV imports write accounts, advocates (with their protected contact details) and opportunities in bulk:
 * only admins, the data stewards, upload, map, run and read import reports.
 */
export const importPolicy = {
  upload: (actor: Actor) => hasRole(actor.roles, 'admin'),
  list: (actor: Actor) => hasRole(actor.roles, 'admin'),
  view: (actor: Actor) => hasRole(actor.roles, 'admin'),
  map: (actor: Actor) => hasRole(actor.roles, 'admin'),
  run: (actor: Actor) => hasRole(actor.roles, 'admin'),
  downloadReport: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
