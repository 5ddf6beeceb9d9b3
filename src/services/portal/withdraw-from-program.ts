import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { activities, advocates, referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { transitionError } from '../../domain/advocate-lifecycle.js';
import { CANDIDATE_TRANSITIONS } from '../../domain/requests/request-states.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceDeps } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { notePlanB, PLAN_B_MESSAGES } from '../requests/note-plan-b.js';
import { notifyRequester } from '../requests/notify-requester.js';
import { transitionCandidate } from '../requests/transition-candidate.js';
import { selectionModeFor } from '../../domain/requests/program-policy.js';

export interface WithdrawalResult {
  withdrawnAt: Date;
  withdrawnCandidacies: number;
  releasedActivities: number;
}

/**
 * The advocate leaves the program, from the portal, in one transaction: status withdrawn (so
 * matching and search drop them at once, through the advocate_match triggers), the time on the
 * advocate and on their consent record, every open candidacy withdrawn through the shared
 * transition (its requester told, plan B noted) and any booked use released.
 */
export async function withdrawFromProgram(deps: ServiceDeps, advocateId: string, input: { reason?: string | null; ip: string | null }): Promise<WithdrawalResult> {
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const [before] = await tx.select().from(advocates).where(eq(advocates.id, advocateId)).for('update');
    if (!before) throw notFound('The advocate');
    if (before.status === 'withdrawn') throw conflict('You have already withdrawn from the program.');
    const refused = transitionError(before.status, 'withdrawn');
    if (refused) throw conflict(refused);
    const reason = input.reason?.trim() || null;
    const name = `${before.firstName} ${before.lastName}`;
    await tx
      .update(advocates)
      .set({ status: 'withdrawn', withdrawnAt: now, consent: before.consent ? { ...before.consent, withdrawnAt: now.toISOString() } : null, updatedAt: now })
      .where(eq(advocates.id, advocateId));

    const booked = await tx
      .select({ id: activities.id })
      .from(activities)
      .where(and(eq(activities.advocateId, advocateId), inArray(activities.status, ['held', 'planned'])));
    const open = await tx
      .select({ id: requestCandidates.id })
      .from(requestCandidates)
      .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
      .where(
        and(
          eq(requestCandidates.advocateId, advocateId),
          inArray(requestCandidates.status, [...CANDIDATE_TRANSITIONS.withdraw.from]),
          notInArray(referenceRequests.status, ['cancelled', 'closed']),
        ),
      );
    const policy = open.length > 0 ? await getProgramPolicy(tx) : null;
    for (const candidate of open) {
      const result = await transitionCandidate(tx, now, policy!, {
        candidateId: candidate.id,
        transition: 'withdraw',
        parties: ['advocate'],
        actor: null,
        actorKind: 'advocate',
        reason: 'The advocate withdrew from the program.',
      });
      await notePlanB(tx, result, policy!, now);
      const backToMatching = result.requestStatusChanged && result.request.status === 'matching';
      await notifyRequester(deps, tx, result.request, {
        kind: backToMatching ? 'request.plan_b' : 'request.advocate_declined',
        headline: `${name} is no longer available`,
        paragraphs: [
          `${name} withdrew from the reference program, so they will not take part in your request.`,
          backToMatching ? PLAN_B_MESSAGES[selectionModeFor(policy!, result.request.activityTypeKey)] : 'Your other advocates on this request are not affected.',
        ],
        candidateId: candidate.id,
      });
    }
    // Uses the transitions did not release (outside the flow, or on a closed request) are released too.
    await tx
      .update(activities)
      .set({ status: 'cancelled', updatedAt: now })
      .where(and(eq(activities.advocateId, advocateId), inArray(activities.status, ['held', 'planned'])));

    await recordAudit(tx, {
      action: 'advocate.withdrew',
      actor: null,
      actorLabel: `advocate ${name}`.slice(0, 254),
      ip: input.ip,
      target: { type: 'advocate', id: advocateId, label: name },
      details: { from: before.status, reason, withdrawnCandidacies: open.length, releasedActivities: booked.length },
    });
    return { withdrawnAt: now, withdrawnCandidacies: open.length, releasedActivities: booked.length };
  });
}
