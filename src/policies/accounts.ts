import type { AccountRow } from '../db/schema/index.js';
import { hasAnyRole, hasRole, ROLES } from '../domain/roles.js';
import type { Actor } from '../services/context.js';

/** What a relationship owner may change on the accounts they own. */
export const OWNER_EDITABLE_ACCOUNT_FIELDS = ['referenceStatus', 'restrictionReason', 'notes'] as const;

const ownerEditable: readonly string[] = OWNER_EDITABLE_ACCOUNT_FIELDS;

/** Who may do what with customer accounts. */
export const accountPolicy = {
  /** Every internal role reads accounts: sellers need to see who is referenceable. */
  list: (actor: Actor) => hasAnyRole(actor.roles, ROLES),
  view: (actor: Actor) => hasAnyRole(actor.roles, ROLES),
  create: (actor: Actor) => hasRole(actor.roles, 'admin'),
  /** May edit some account at all (checked before the account is loaded). */
  edit: (actor: Actor) => hasAnyRole(actor.roles, ['admin', 'owner']),
  /** Object level: admins edit every account, a relationship owner only the accounts they own. */
  update: (actor: Actor, account: Pick<AccountRow, 'ownerUserId'>) =>
    hasRole(actor.roles, 'admin') || (hasRole(actor.roles, 'owner') && account.ownerUserId === actor.userId),
  /** The fields of a change this actor may not make; empty when every field is allowed. */
  deniedFields: (actor: Actor, fields: readonly string[]): string[] =>
    hasRole(actor.roles, 'admin') ? [] : fields.filter((field) => !ownerEditable.includes(field)),
};
