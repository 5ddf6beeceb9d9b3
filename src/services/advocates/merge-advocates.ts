import { eq, inArray } from 'drizzle-orm';
import { advocateBlackouts, advocateColumns, advocates, type AdvocateRow } from '../../db/schema/index.js';
import {
  findMergedRecordProblems,
  findMergeRefusals,
  resolveAdvocateMerge,
  type MergeableAdvocate,
  type MergeChoices,
} from '../../domain/advocate-merge.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound } from '../errors.js';
import { getAdvocate, type AdvocateWithAccount } from './get-advocate.js';
import { moveAdvocateHistory } from './move-advocate-history.js';

export interface MergeAdvocatesInput {
  duplicateId: string;
  fields?: MergeChoices;
  allowDifferentAccounts?: boolean;
}

/** What the audit log keeps of the record that disappears: everything but the protected fields. */
function snapshotOf(row: AdvocateRow): Record<string, unknown> {
  const { email, phone, ...rest } = row;
  return { ...rest, hasEmail: Boolean(email), hasPhone: Boolean(phone) };
}

function toMergeable(row: AdvocateRow): MergeableAdvocate {
  const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = row;
  return fields;
}

/**
 * Merges the duplicate into the surviving advocate, in one transaction: resolves every field by
 * the merge rules (and the admin's choices), moves the duplicate's blackouts, deletes the
 * duplicate, then writes the survivor and an `advocate.merged` audit event with the duplicate's
 * snapshot. The duplicate is deleted before the survivor is written, so its e-mail and CRM id
 * can move to the survivor without tripping the unique indexes.
 */
export async function mergeAdvocates(deps: ServiceDeps, actor: Actor, survivorId: string, input: MergeAdvocatesInput): Promise<AdvocateWithAccount> {
  if (survivorId === input.duplicateId) {
    throw invalidInput(findMergeRefusals({ id: survivorId, accountId: '' }, { id: input.duplicateId, accountId: '' }), 'An advocate cannot be merged with itself.');
  }
  await deps.db.transaction(async (tx) => {
    // Lock both rows in id order, so two merges of the same pair cannot deadlock.
    const rows = await tx
      .select(advocateColumns(advocates))
      .from(advocates)
      .where(inArray(advocates.id, [survivorId, input.duplicateId]))
      .orderBy(advocates.id)
      .for('update');
    const survivor = rows.find((r) => r.id === survivorId);
    const duplicate = rows.find((r) => r.id === input.duplicateId);
    if (!survivor) throw notFound('The advocate');
    if (!duplicate) throw invalidInput([{ field: 'duplicateId', reason: 'is not an existing advocate' }]);

    const refusals = findMergeRefusals(survivor, duplicate, { allowDifferentAccounts: input.allowDifferentAccounts });
    if (refusals.length) throw conflict('These advocates cannot be merged as asked.', refusals);

    const { merged, sources, dropped } = resolveAdvocateMerge(toMergeable(survivor), toMergeable(duplicate), input.fields ?? {});
    const problems = findMergedRecordProblems(merged);
    if (problems.length) throw invalidInput(problems, 'The merged advocate would not be valid.');

    // Blackouts move over, except periods the survivor already has (the rest go with the duplicate).
    const blackouts = await tx.select().from(advocateBlackouts).where(inArray(advocateBlackouts.advocateId, [survivorId, duplicate.id]));
    const period = (b: { startsOn: string; endsOn: string }) => `${b.startsOn}/${b.endsOn}`;
    const known = new Set(blackouts.filter((b) => b.advocateId === survivorId).map(period));
    const toMove = blackouts.filter((b) => b.advocateId === duplicate.id && !known.has(period(b))).map((b) => b.id);
    if (toMove.length) await tx.update(advocateBlackouts).set({ advocateId: survivorId }).where(inArray(advocateBlackouts.id, toMove));

    const history = await moveAdvocateHistory(tx, duplicate.id, survivorId);
    await tx.delete(advocates).where(eq(advocates.id, duplicate.id));
    await tx
      .update(advocates)
      .set({ ...merged, consent: merged.consent as AdvocateRow['consent'], email: merged.email?.toLowerCase() ?? null, updatedAt: deps.now() })
      .where(eq(advocates.id, survivorId));

    await recordAudit(tx, {
      action: 'advocate.merged',
      actor,
      target: { type: 'advocate', id: survivorId, label: `${merged.firstName} ${merged.lastName}` },
      details: {
        duplicateId: duplicate.id,
        duplicate: snapshotOf(duplicate),
        fromDuplicate: Object.entries(sources).filter(([, side]) => side === 'duplicate').map(([field]) => field),
        droppedFromDuplicate: dropped,
        blackoutsMoved: toMove.length,
        activitiesMoved: history.activities,
        candidaciesMoved: history.candidates,
      },
    });
  });
  return getAdvocate(deps, survivorId);
}
