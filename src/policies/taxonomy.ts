import { hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/**
 * Who may do what with the taxonomy. Every signed-in role reads it (pickers and filters
 * need the values); only admins, the data stewards, change it or see how much each value is used.
 */
export const taxonomyPolicy = {
  read: (_actor: Actor) => true,
  viewUsage: (actor: Actor) => hasRole(actor.roles, 'admin'),
  add: (actor: Actor) => hasRole(actor.roles, 'admin'),
  update: (actor: Actor) => hasRole(actor.roles, 'admin'),
  retire: (actor: Actor) => hasRole(actor.roles, 'admin'),
  merge: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
