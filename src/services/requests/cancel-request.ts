import { eq, inArray, and } from 'drizzle-orm';
import { referenceRequests, requestCandidates, type ReferenceRequestRow } from '../../db/schema/index.js';
import type { EndReason } from '../../domain/requests/criteria.js';
import { CANDIDATE_TRANSITIONS, checkRequestTransition } from '../../domain/requests/request-states.js';
import { partiesFor } from '../../policies/requests.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { lockRequest } from './load-request.js';
import { recordRequestEvent } from './record-request-event.js';
import { transitionCandidate } from './transition-candidate.js';
import { transitionProblem } from './transition-problem.js';

export interface CancelRequestInput {
  endReason: EndReason;
  note?: string | null;
}

/**
 * Ends a request without (further) references, with the reason the reports count. Candidates
 * still in flight are withdrawn first, which releases the capacity they held.
 */
export async function cancelRequest(deps: ServiceDeps, actor: Actor, id: string, input: CancelRequestInput): Promise<ReferenceRequestRow> {
  return deps.db.transaction(async (tx) => {
    const request = await lockRequest(tx, id);
    const parties = partiesFor(actor, request);
    const check = checkRequestTransition(request.status, 'cancel', parties, input.endReason);
    if (!check.ok) throw transitionProblem(check.problem, `cancel a ${request.status} request`);
    const now = deps.now();
    const note = input.note?.trim() || null;
    const open = await tx
      .select({ id: requestCandidates.id })
      .from(requestCandidates)
      .where(and(eq(requestCandidates.requestId, id), inArray(requestCandidates.status, [...CANDIDATE_TRANSITIONS.withdraw.from])));
    if (open.length > 0) {
      const policy = await getProgramPolicy(tx);
      for (const candidate of open) {
        await transitionCandidate(tx, now, policy, {
          candidateId: candidate.id,
          transition: 'withdraw',
          parties,
          actor,
          actorKind: 'user',
          reason: `The request was cancelled (${input.endReason.replace(/_/g, ' ')}).`,
        });
      }
    }
    const [current] = await tx.select({ status: referenceRequests.status }).from(referenceRequests).where(eq(referenceRequests.id, id));
    const [updated] = await tx
      .update(referenceRequests)
      .set({ status: 'cancelled', endReason: input.endReason, endNote: note, closedAt: now, updatedAt: now })
      .where(eq(referenceRequests.id, id))
      .returning();
    if (!updated) throw new Error('request update returned nothing');
    await recordRequestEvent(tx, {
      requestId: id,
      actor,
      kind: 'cancelled',
      fromStatus: current?.status ?? request.status,
      toStatus: 'cancelled',
      reason: note,
      data: { endReason: input.endReason, withdrawnCandidates: open.length },
      at: now,
    });
    await recordAudit(tx, {
      action: 'request.cancelled',
      actor,
      target: { type: 'reference_request', id, label: `R-${request.number}` },
      details: { endReason: input.endReason, note },
    });
    return updated;
  });
}
