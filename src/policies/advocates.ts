import { hasAnyRole, hasRole } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** The account an advocate belongs to, as far as access decisions need it. */
export interface AdvocateAccess {
  accountOwnerUserId: string | null;
}

const isOwnerOf = (actor: Actor, access: AdvocateAccess) => hasRole(actor.roles, 'owner') && access.accountOwnerUserId === actor.userId;

/**
 * Advocates are visible to every internal role (without contact details). Contact details go
 * to admins and to the relationship owner of the advocate's account, through an audited reveal;
 * the request process adds a per-request reveal for the requester.
 */
export const advocatePolicy = {
  read: (actor: Actor) => hasAnyRole(actor.roles, ['admin', 'sales', 'owner', 'marketing', 'exec']),
  revealContact: (actor: Actor, access: AdvocateAccess) => hasRole(actor.roles, 'admin') || isOwnerOf(actor, access),
  /** Owners nominate people at their own accounts; admins add anyone. */
  create: (actor: Actor, access: AdvocateAccess) => hasRole(actor.roles, 'admin') || isOwnerOf(actor, access),
  update: (actor: Actor, access: AdvocateAccess) => hasRole(actor.roles, 'admin') || isOwnerOf(actor, access),
  /** Lifecycle, points and consent are the program team's to record. */
  manageProgramFields: (actor: Actor) => hasRole(actor.roles, 'admin'),
  /** Merging duplicates (and listing them for a merge) is data stewardship: admins only. */
  merge: (actor: Actor) => hasRole(actor.roles, 'admin'),
  /** Anyone who may search may export the results; contact columns follow revealContact per row. */
  export: (actor: Actor) => hasAnyRole(actor.roles, ['admin', 'sales', 'owner', 'marketing', 'exec']),
};

/** Fields only admins may set, whoever else may edit the profile. */
export const ADMIN_ONLY_ADVOCATE_FIELDS = ['status', 'points', 'consent', 'lastVerifiedAt', 'personalCap'] as const;
/** Moving an existing advocate to another account is an admin's decision too. */
export const ADMIN_ONLY_ADVOCATE_UPDATE_FIELDS = [...ADMIN_ONLY_ADVOCATE_FIELDS, 'accountId'] as const;
