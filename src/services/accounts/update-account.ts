import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, type AccountRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput, notFound } from '../errors.js';
import {
  assertCrmIdFree,
  changedFields,
  crmIdRaceToConflict,
  fieldsOf,
  findInvalidAccountFields,
  normalizePatch,
  withOwner,
  type AccountFields,
  type AccountPatch,
  type AccountWithOwner,
} from './account-fields.js';

async function lockAccount(tx: Executor, id: string): Promise<AccountRow> {
  const [account] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
  if (!account) throw notFound('The account');
  return account;
}

/**
 * PATCH semantics: fields left out keep their value, `null` clears a nullable one. `check` runs on
 * the locked row before anything changes (object-level authorization). Audits the names of the
 * fields that really changed; a change that changes nothing writes nothing.
 */
export async function updateAccount(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: AccountPatch,
  check?: (before: AccountRow) => void,
): Promise<AccountWithOwner> {
  const given = normalizePatch(patch);
  try {
    return await deps.db.transaction(async (tx) => {
      const before = await lockAccount(tx, id);
      check?.(before);
      const current = fieldsOf(before);
      const merged: AccountFields = { ...current, ...given };
      const errors = await findInvalidAccountFields(tx, given, merged);
      if (errors.length > 0) throw invalidInput(errors);
      const changed = changedFields(current, merged);
      if (changed.length === 0) return withOwner(tx, before);
      if (changed.includes('crmId')) await assertCrmIdFree(tx, merged.crmId, id);
      const values = Object.fromEntries(changed.map((field) => [field, merged[field]])) as AccountPatch;
      const [after] = await tx
        .update(accounts)
        .set({ ...values, updatedAt: deps.now() })
        .where(eq(accounts.id, id))
        .returning();
      if (!after) throw notFound('The account');
      await recordAudit(tx, { action: 'account.updated', actor, target: { type: 'account', id, label: after.name }, details: { changed } });
      return withOwner(tx, after);
    });
  } catch (error) {
    throw await crmIdRaceToConflict(deps.db, error, given.crmId, id);
  }
}
