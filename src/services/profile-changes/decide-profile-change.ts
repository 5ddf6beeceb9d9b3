import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { advocateProfileChanges, advocates, type AdvocateProfileChangeRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, type FieldError } from '../errors.js';
import { loadProfileChange } from './get-profile-change.js';
import { noticeProfileDecision } from './profile-decision-notice.js';
import { PROFILE_FIELD_LABELS, PROPOSABLE_FIELDS, profileValuesOf, readProfileChanges, sameProfileValue, type ProfileValues, type ProposableField } from './profile-fields.js';
import { findProfileChangeErrors, toAdvocateInput } from './validate-profile-changes.js';

export interface ApproveInput {
  /** Approve only these proposed fields (the rest are dropped); every proposed field when absent. */
  fields?: string[];
  note?: string | null;
}

const STATUS_WORDS: Record<AdvocateProfileChangeRow['status'], string> = {
  pending: 'waiting for review',
  approved: 'already approved',
  rejected: 'already rejected',
  superseded: 'replaced by a newer proposal from the advocate',
};

/** The change and its advocate, both locked; 409 unless it still waits for review. */
async function loadPending(tx: Tx, id: string) {
  const row = await loadProfileChange(tx, id, true);
  if (row.change.status !== 'pending') throw conflict(`This profile change is ${STATUS_WORDS[row.change.status]}.`);
  return row;
}

function isUniqueViolation(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } }).cause;
  return (error as { code?: string }).code === '23505' || cause?.code === '23505';
}

/**
 * Applies a proposal (or the fields of it the admin chose) to the advocate in one transaction,
 * through the checks an admin's edit goes through, marks the profile verified, audits it and
 * tells the advocate. Fields someone changed since the proposal still take the proposed value:
 * the review shows them flagged.
 */
export async function approveProfileChange(deps: ServiceDeps, actor: Actor, id: string, input: ApproveInput): Promise<AdvocateProfileChangeRow> {
  return deps.db
    .transaction(async (tx) => {
      const { change, advocate } = await loadPending(tx, id);
      const proposed = readProfileChanges(change.changes);
      const proposedFields = PROPOSABLE_FIELDS.filter((f) => f in proposed);
      const errors: FieldError[] = [];
      input.fields?.forEach((field, index) => {
        if (!proposedFields.includes(field as ProposableField)) errors.push({ field: `fields.${index}`, reason: `"${field}" is not part of this proposal` });
      });
      if (input.fields && input.fields.length === 0) errors.push({ field: 'fields', reason: 'choose at least one field to approve, or reject the proposal' });
      if (errors.length) throw invalidInput(errors);
      const applied = input.fields ? proposedFields.filter((f) => input.fields?.includes(f)) : proposedFields;
      const dropped = proposedFields.filter((f) => !applied.includes(f));
      const changes: Partial<ProfileValues> = {};
      for (const field of applied) changes[field] = proposed[field] ?? null;
      const invalid = await findProfileChangeErrors(tx, advocate.id, changes, { checkEmailOwner: true });
      if (invalid.length) throw invalidInput(invalid, 'Some proposed values cannot be stored any more: approve the other fields, or reject with a note.');
      const now = deps.now();
      const current = profileValuesOf(advocate);
      await tx
        .update(advocates)
        .set({ ...toAdvocateInput(changes), lastVerifiedAt: now, updatedAt: now })
        .where(eq(advocates.id, advocate.id));
      const note = input.note?.trim() || null;
      const [decided] = await tx
        .update(advocateProfileChanges)
        .set({ status: 'approved', decidedAt: now, decidedByUserId: actor.userId, decisionNote: note })
        .where(eq(advocateProfileChanges.id, id))
        .returning();
      const before = readProfileChanges(change.before);
      await recordAudit(tx, {
        action: 'advocate.profile_change_approved',
        actor,
        target: { type: 'advocate', id: advocate.id, label: `${advocate.firstName} ${advocate.lastName}` },
        details: {
          changeId: id,
          appliedFields: applied,
          droppedFields: dropped,
          changedSinceProposal: applied.filter((f) => !sameProfileValue(f, before[f], current[f])),
        },
      });
      await noticeProfileDecision(deps, tx, {
        changeId: id,
        advocateId: advocate.id,
        advocateFirstName: advocate.firstName,
        decision: 'approved',
        appliedLabels: applied.map((f) => PROFILE_FIELD_LABELS[f]),
        droppedLabels: dropped.map((f) => PROFILE_FIELD_LABELS[f]),
        note,
      });
      return decided!;
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw conflict('Another advocate has this e-mail address.', [{ field: 'email', reason: 'belongs to another advocate' }]);
      throw error;
    });
}

/** Turns a proposal down with a note the advocate reads; the profile stays as it is. */
export async function rejectProfileChange(deps: ServiceDeps, actor: Actor, id: string, input: { note: string }): Promise<AdvocateProfileChangeRow> {
  return deps.db.transaction(async (tx) => {
    const { change, advocate } = await loadPending(tx, id);
    const now = deps.now();
    const note = input.note.trim();
    const [decided] = await tx
      .update(advocateProfileChanges)
      .set({ status: 'rejected', decidedAt: now, decidedByUserId: actor.userId, decisionNote: note })
      .where(eq(advocateProfileChanges.id, id))
      .returning();
    const fields = PROPOSABLE_FIELDS.filter((f) => f in change.changes);
    await recordAudit(tx, {
      action: 'advocate.profile_change_rejected',
      actor,
      target: { type: 'advocate', id: advocate.id, label: `${advocate.firstName} ${advocate.lastName}` },
      details: { changeId: id, fields, note },
    });
    await noticeProfileDecision(deps, tx, {
      changeId: id,
      advocateId: advocate.id,
      advocateFirstName: advocate.firstName,
      decision: 'rejected',
      appliedLabels: [],
      droppedLabels: fields.map((f) => PROFILE_FIELD_LABELS[f]),
      note,
    });
    return decided!;
  });
}
