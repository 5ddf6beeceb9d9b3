import { hasAnyRole, hasRole, ROLES } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** Who stands around one activity, as far as access decisions need it. */
export interface ActivityAccess {
  /** The requester of the request it came from (null for a use logged outside the flow). */
  requesterUserId: string | null;
  /** The relationship owner of the advocate's account. */
  accountOwnerUserId: string | null;
  /** The owner of the opportunity it helped (null without one). */
  opportunityOwnerUserId: string | null;
}

const isAdmin = (actor: Actor) => hasRole(actor.roles, 'admin');
const isRequester = (actor: Actor, access: { requesterUserId: string | null }) => access.requesterUserId === actor.userId;

/**
 * Activities (uses of an advocate), their debriefs, thank-yous and redo; scheduling of a
 * candidate; an opportunity's outcome. Admins do everything; a requester closes the loop on
 * their own requests; relationship owners see the uses of their accounts.
 */
export const activityPolicy = {
  /** Every internal role has some activities to list (admins all, others their own). */
  list: (actor: Actor) => hasAnyRole(actor.roles, ROLES),
  listAll: (actor: Actor) => isAdmin(actor),
  /** The whole activity: notes, debriefs, opportunity, requester. */
  view: (actor: Actor, access: ActivityAccess) =>
    isAdmin(actor) ||
    isRequester(actor, access) ||
    access.opportunityOwnerUserId === actor.userId ||
    (hasRole(actor.roles, 'owner') && access.accountOwnerUserId === actor.userId),
  /** An advocate's or account's history (type, date, status, weight): every internal role, details per `view`. */
  readHistory: (actor: Actor) => hasAnyRole(actor.roles, ROLES),
  /** Uses outside the request flow (a press quote, a speaking slot) are the program team's to record. */
  log: (actor: Actor) => isAdmin(actor),
  debrief: (actor: Actor, access: ActivityAccess) => isAdmin(actor) || isRequester(actor, access),
  redo: (actor: Actor, access: ActivityAccess) => isAdmin(actor) || isRequester(actor, access),
  /** The requester, the account's owner and the program team thank advocates. */
  thank: (actor: Actor, access: ActivityAccess) =>
    isAdmin(actor) || isRequester(actor, access) || (hasRole(actor.roles, 'owner') && access.accountOwnerUserId === actor.userId),
  /** Points are the program's currency: admins only. */
  givePoints: (actor: Actor) => isAdmin(actor),
  readThankYous: (actor: Actor) => hasAnyRole(actor.roles, ROLES),
  /** The requester records the date and time (admins too); re-scheduling is the same action. */
  schedule: (actor: Actor, access: { requesterUserId: string }) => isAdmin(actor) || isRequester(actor, access),
  /** An opportunity's owner (or an admin) records it won or lost. */
  recordOutcome: (actor: Actor, opportunity: { ownerUserId: string }) => isAdmin(actor) || opportunity.ownerUserId === actor.userId,
  /** A requester asked what happened on a lost deal answers with the loss reason. */
  explainLoss: (actor: Actor, requesterUserIds: readonly string[]) => requesterUserIds.includes(actor.userId),
};
