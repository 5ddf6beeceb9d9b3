import { hasAnyRole, hasRole, ROLES } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/**
 * Program settings: the pipeline stages and the program policies (readiness gates, lead times,
 * caps, weights, selection mode). Every internal role reads them, because the request form
 * explains its gates with them; only admins change them (every change audited).
 */
export const programSettingsPolicy = {
  view: (actor: Actor) => hasAnyRole(actor.roles, ROLES),
  change: (actor: Actor) => hasRole(actor.roles, 'admin'),
};
