import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { advocateBlackouts, advocateColumns, advocates, type AdvocateRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound } from '../errors.js';
import type { AdvocateInput } from './advocate-input.js';
import { getAdvocate, type AdvocateWithAccount } from './get-advocate.js';
import { findAdvocateInputErrors, findDuplicateAdvocate } from './validate-advocate.js';

type Values = Partial<typeof advocates.$inferInsert>;

function toValues(input: Partial<AdvocateInput>): Values {
  const { blackouts: _blackouts, lastVerifiedAt, email, firstName, lastName, ...rest } = input;
  const values: Values = { ...rest };
  if (firstName !== undefined) values.firstName = firstName.trim();
  if (lastName !== undefined) values.lastName = lastName.trim();
  if (email !== undefined) values.email = email ? email.trim().toLowerCase() : null;
  if (lastVerifiedAt !== undefined) values.lastVerifiedAt = lastVerifiedAt ? new Date(lastVerifiedAt) : null;
  return values;
}

async function replaceBlackouts(tx: Executor, advocateId: string, blackouts: AdvocateInput['blackouts']): Promise<void> {
  if (!blackouts) return;
  await tx.delete(advocateBlackouts).where(eq(advocateBlackouts.advocateId, advocateId));
  if (blackouts.length) await tx.insert(advocateBlackouts).values(blackouts.map((b) => ({ ...b, reason: b.reason ?? null, advocateId })));
}

function duplicateConflict(duplicate: { id: string; rule: 'email' | 'name' }) {
  return duplicate.rule === 'email'
    ? conflict(`Advocate ${duplicate.id} already has this e-mail address.`, [{ field: 'email', reason: 'belongs to another advocate' }])
    : conflict(`Advocate ${duplicate.id} at this account has the same name. Send allowDuplicateName: true if they are different people.`, [
        { field: 'lastName', reason: 'an advocate with this name exists at this account' },
      ]);
}

/** The unique index on e-mail closes the race two simultaneous creates would open. */
function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

export async function createAdvocate(
  deps: ServiceDeps,
  actor: Actor,
  input: AdvocateInput & { allowDuplicateName?: boolean },
): Promise<AdvocateWithAccount> {
  const { allowDuplicateName, ...fields } = input;
  const id = await deps.db
    .transaction(async (tx) => {
      const errors = await findAdvocateInputErrors(tx, fields);
      if (errors.length) throw invalidInput(errors);
      const duplicate = await findDuplicateAdvocate(tx, fields);
      if (duplicate && !(duplicate.rule === 'name' && allowDuplicateName)) throw duplicateConflict(duplicate);
      const now = deps.now();
      const [row] = await tx
        .insert(advocates)
        .values({ ...(toValues(fields) as typeof advocates.$inferInsert), createdAt: now, updatedAt: now })
        .returning({ id: advocates.id });
      if (!row) throw new Error('advocate insert returned nothing');
      await replaceBlackouts(tx, row.id, fields.blackouts);
      await recordAudit(tx, {
        action: 'advocate.created',
        actor,
        target: { type: 'advocate', id: row.id, label: `${fields.firstName} ${fields.lastName}` },
        details: { accountId: fields.accountId, status: fields.status ?? 'nominated' },
      });
      return row.id;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('Another advocate has this e-mail address or CRM id.', [{ field: 'email', reason: 'is already used' }]);
      throw error;
    });
  return getAdvocate(deps, id);
}

export async function updateAdvocate(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: Partial<AdvocateInput> & { allowDuplicateName?: boolean },
): Promise<AdvocateWithAccount> {
  const { allowDuplicateName, ...fields } = input;
  await deps.db
    .transaction(async (tx) => {
      const [before] = await tx.select(advocateColumns(advocates)).from(advocates).where(eq(advocates.id, id)).for('update');
      if (!before) throw notFound('The advocate');
      const errors = await findAdvocateInputErrors(tx, fields);
      if (errors.length) throw invalidInput(errors);
      const merged = { email: fields.email ?? before.email, firstName: fields.firstName ?? before.firstName, lastName: fields.lastName ?? before.lastName, accountId: fields.accountId ?? before.accountId };
      const duplicate = await findDuplicateAdvocate(tx, merged, id);
      if (duplicate && !(duplicate.rule === 'name' && allowDuplicateName)) throw duplicateConflict(duplicate);
      await tx.update(advocates).set({ ...toValues(fields), updatedAt: deps.now() }).where(eq(advocates.id, id));
      await replaceBlackouts(tx, id, fields.blackouts);
      await recordAudit(tx, {
        action: 'advocate.updated',
        actor,
        target: { type: 'advocate', id, label: `${merged.firstName} ${merged.lastName}` },
        details: { changed: changedFields(before, fields) },
      });
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('Another advocate has this e-mail address or CRM id.', [{ field: 'email', reason: 'is already used' }]);
      throw error;
    });
  return getAdvocate(deps, id);
}

/** Names of the fields the input changes (protected values are named, never logged). */
function changedFields(before: AdvocateRow, input: Partial<AdvocateInput>): string[] {
  return Object.entries(input)
    .filter(([key, value]) => key === 'blackouts' || JSON.stringify(before[key as keyof AdvocateRow] ?? null) !== JSON.stringify(value ?? null))
    .map(([key]) => key);
}
