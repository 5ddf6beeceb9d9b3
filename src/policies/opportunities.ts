import type { OpportunityRow } from '../db/schema/index.js';
import { hasAnyRole, hasRole, type Role } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/**
 * Who may do what with opportunities (deals).
 * - Admins read, create and change every opportunity, and choose its owner.
 * - Sellers (sales) create opportunities they own, and read and change only their own: a deal's
 *   details stay between its seller and the program team. Only admins hand a deal to another seller.
 * - Relationship owners, marketing and executives read every opportunity, never change one:
 *   owners see the deal they are asked to approve a use for; marketing and executives see the
 *   pipeline the program supports.
 * Outcomes (won / lost) are recorded through POST /api/opportunities/:id/outcome, not edited here.
 */
const READ_ALL_ROLES: readonly Role[] = ['admin', 'owner', 'marketing', 'exec'];

/** Fields only admins change (a seller cannot hand a deal away). */
export const ADMIN_ONLY_OPPORTUNITY_FIELDS = ['ownerUserId'] as const;
const adminOnly: readonly string[] = ADMIN_ONLY_OPPORTUNITY_FIELDS;

export const opportunityPolicy = {
  list: (actor: Actor) => hasAnyRole(actor.roles, [...READ_ALL_ROLES, 'sales']),
  /** Sees every opportunity; otherwise (sales only) the list is narrowed to the actor's own. */
  readsAll: (actor: Actor) => hasAnyRole(actor.roles, READ_ALL_ROLES),
  view: (actor: Actor, opportunity: Pick<OpportunityRow, 'ownerUserId'>) =>
    hasAnyRole(actor.roles, READ_ALL_ROLES) || (hasRole(actor.roles, 'sales') && opportunity.ownerUserId === actor.userId),
  create: (actor: Actor) => hasAnyRole(actor.roles, ['admin', 'sales']),
  /** May change some opportunity at all (checked before the opportunity is loaded). */
  edit: (actor: Actor) => hasAnyRole(actor.roles, ['admin', 'sales']),
  /** Object level: admins change every opportunity, sellers their own. */
  update: (actor: Actor, opportunity: Pick<OpportunityRow, 'ownerUserId'>) =>
    hasRole(actor.roles, 'admin') || (hasRole(actor.roles, 'sales') && opportunity.ownerUserId === actor.userId),
  /** Who may own the opportunity this actor creates: anyone valid for admins, only themselves for sellers. */
  mayAssignOwner: (actor: Actor, ownerUserId: string) => hasRole(actor.roles, 'admin') || ownerUserId === actor.userId,
  /** The fields of a change this actor may not make; empty when every field is allowed. */
  deniedFields: (actor: Actor, fields: readonly string[]): string[] =>
    hasRole(actor.roles, 'admin') ? [] : fields.filter((field) => adminOnly.includes(field)),
};
