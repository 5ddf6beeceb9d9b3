import type { OpportunityRow } from '../db/schema/index.js';
import { hasAnyRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';
import { opportunityPolicy } from './opportunities.js';

/**
 * Who may preview matches: the people who request references (sales, marketing) and the program
 * team. Relationship owners and executives do not search the program through matching. For an
 * opportunity, only one the actor may read (a seller: their own deals).
 */
export const matchingPolicy = {
  preview: (actor: Actor) => hasAnyRole(actor.roles, ['sales', 'marketing', 'admin']),
  previewForOpportunity: (actor: Actor, opportunity: Pick<OpportunityRow, 'ownerUserId'>) => matchingPolicy.preview(actor) && opportunityPolicy.view(actor, opportunity),
};
