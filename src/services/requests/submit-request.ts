import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { referenceRequests, type OpportunityRow, type ReferenceRequestRow } from '../../db/schema/index.js';
import { checkRequestTransition } from '../../domain/requests/request-states.js';
import { partiesFor } from '../../policies/requests.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { notifyRequestSubmitted } from '../notifications/messages/program-notices.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { lockRequest } from './load-request.js';
import { proposeLockedCandidates } from './propose-candidates.js';
import { recordRequestEvent } from './record-request-event.js';
import { evaluateRequestChecks } from './request-checks.js';
import { findInvalidRequestFields, loadRequestOpportunity } from './request-input.js';
import { transitionProblem } from './transition-problem.js';

export interface SubmitRequestInput {
  /** Where sellers pick: the advocates picked from the matches. */
  pickedAdvocateIds?: string[];
  /** Needed when the deadline is inside the activity type's lead time. */
  rushJustification?: string | null;
}

/** Submits a draft (or re-submits a blocked request once its deal has moved on). */
export async function submitRequest(deps: ServiceDeps, actor: Actor, id: string, input: SubmitRequestInput): Promise<ReferenceRequestRow> {
  return deps.db.transaction(async (tx) => {
    let request = await lockRequest(tx, id);
    const justification = input.rushJustification?.trim();
    if (justification) {
      const [updated] = await tx.update(referenceRequests).set({ rushJustification: justification }).where(eq(referenceRequests.id, id)).returning();
      if (!updated) throw new Error('request update returned nothing');
      request = updated;
    }
    const opportunity = await loadRequestOpportunity(tx, actor, request.opportunityId);
    return submitLockedRequest(tx, deps, actor, request, opportunity, input.pickedAdvocateIds ?? []);
  });
}

/**
 * The submission itself, on a locked request: the lead time (a rush needs its justification),
 * then the readiness gate: blocked with exactly what is missing, or on to matching, where the
 * seller's picks become candidates at once (each re-checked against the hard rules).
 */
export async function submitLockedRequest(
  tx: Tx,
  deps: ServiceDeps,
  actor: Actor,
  request: ReferenceRequestRow,
  opportunity: OpportunityRow | null,
  pickedAdvocateIds: string[],
): Promise<ReferenceRequestRow> {
  const check = checkRequestTransition(request.status, 'submit', partiesFor(actor, request));
  if (!check.ok) throw transitionProblem(check.problem, `submit a ${request.status} request`);
  const now = deps.now();
  const fieldErrors = await findInvalidRequestFields(tx, actor, request, opportunity, now);
  if (fieldErrors.length > 0) throw invalidInput(fieldErrors, 'The request cannot be submitted as it stands.');
  const policy = await getProgramPolicy(tx);
  const checks = await evaluateRequestChecks(tx, policy, request, opportunity, now);
  const errors = [];
  if (checks.leadTime.rush && !request.rushJustification) {
    errors.push({ field: 'rushJustification', reason: `is required: ${checks.leadTime.message}` });
  }
  if (pickedAdvocateIds.length > 0 && checks.selectionMode !== 'seller_picks') {
    errors.push({ field: 'pickedAdvocateIds', reason: 'the program team proposes candidates for this activity type' });
  }
  if (errors.length > 0) throw invalidInput(errors);
  const common = { rush: checks.leadTime.rush, estimatedBusinessDays: checks.estimate ? Math.round(checks.estimate.medianBusinessDays) : null, updatedAt: now };
  if (!checks.readiness.ready) {
    const [blocked] = await tx
      .update(referenceRequests)
      .set({ ...common, status: 'blocked', readinessGaps: checks.readiness.gaps })
      .where(eq(referenceRequests.id, request.id))
      .returning();
    if (!blocked) throw new Error('request update returned nothing');
    await recordRequestEvent(tx, {
      requestId: request.id,
      actor,
      kind: 'blocked',
      fromStatus: request.status,
      toStatus: 'blocked',
      reason: checks.readiness.gaps.map((g) => g.message).join(' '),
      data: { gaps: checks.readiness.gaps, meanwhile: checks.readiness.meanwhile },
      at: now,
    });
    return blocked;
  }
  const [submitted] = await tx
    .update(referenceRequests)
    .set({ ...common, status: 'matching', readinessGaps: [], submittedAt: now })
    .where(eq(referenceRequests.id, request.id))
    .returning();
  if (!submitted) throw new Error('request update returned nothing');
  await recordRequestEvent(tx, {
    requestId: request.id,
    actor,
    kind: 'submitted',
    fromStatus: request.status,
    toStatus: 'matching',
    reason: checks.leadTime.rush ? request.rushJustification : null,
    data: { rush: checks.leadTime.rush, selectionMode: checks.selectionMode, estimate: checks.estimate, leadTime: checks.leadTime },
    at: now,
  });
  await notifyRequestSubmitted(deps, tx, submitted);
  if (pickedAdvocateIds.length === 0) return submitted;
  return proposeLockedCandidates(tx, deps, actor, submitted, pickedAdvocateIds, policy);
}
