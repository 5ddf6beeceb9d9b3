import { and, eq } from 'drizzle-orm';
import { advocateProfileChanges, advocates, type AdvocateProfileChangeRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { changedProfileFields, profileValuesOf, type ProfileValues, type ProposableField } from '../profile-changes/profile-fields.js';
import { findProfileChangeErrors } from '../profile-changes/validate-profile-changes.js';
import { loadOwnAdvocate } from './get-portal-profile.js';
import { recordAdvocateAudit } from './portal-audit.js';

export type ProposalOutcome =
  | { outcome: 'proposed'; change: AdvocateProfileChangeRow; supersededId: string | null }
  | { outcome: 'verified'; lastVerifiedAt: Date };

/**
 * An advocate's proposed profile update. Only the fields that differ from the profile now are
 * kept, with their values then (`before`), and nothing changes on the advocate until an admin
 * approves. A new proposal supersedes a pending one. A proposal that changes nothing is the
 * advocate confirming their profile is still right: the profile counts as verified at once.
 */
export async function proposeProfileChange(
  deps: ServiceDeps,
  advocateId: string,
  proposed: Partial<Record<ProposableField, unknown>>,
): Promise<ProposalOutcome> {
  return deps.db.transaction(async (tx) => {
    // The row lock orders concurrent proposals: one pending proposal per advocate.
    const advocate = await loadOwnAdvocate(tx, advocateId, true);
    const current = profileValuesOf(advocate);
    const changes = changedProfileFields(current, proposed);
    const fields = Object.keys(changes) as ProposableField[];
    const now = deps.now();
    if (fields.length === 0) {
      await tx.update(advocates).set({ lastVerifiedAt: now, updatedAt: now }).where(eq(advocates.id, advocateId));
      await recordAdvocateAudit(tx, advocate, 'advocate.profile_verified', { via: 'portal', previousVerifiedAt: advocate.lastVerifiedAt?.toISOString() ?? null });
      return { outcome: 'verified', lastVerifiedAt: now };
    }
    const errors = await findProfileChangeErrors(tx, advocateId, changes, { checkEmailOwner: false });
    if (errors.length) throw invalidInput(errors);
    const before: Partial<ProfileValues> = {};
    for (const field of fields) before[field] = current[field];
    const [superseded] = await tx
      .update(advocateProfileChanges)
      .set({ status: 'superseded', decidedAt: now })
      .where(and(eq(advocateProfileChanges.advocateId, advocateId), eq(advocateProfileChanges.status, 'pending')))
      .returning({ id: advocateProfileChanges.id });
    const [change] = await tx.insert(advocateProfileChanges).values({ advocateId, changes, before, submittedAt: now }).returning();
    if (!change) throw new Error('profile change insert returned nothing');
    // Field names only: the values (e-mail, phone) stay out of the audit log.
    await recordAdvocateAudit(tx, advocate, 'advocate.profile_change_proposed', { changeId: change.id, fields, supersededId: superseded?.id ?? null });
    return { outcome: 'proposed', change, supersededId: superseded?.id ?? null };
  });
}
