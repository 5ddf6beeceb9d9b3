import { eq } from 'drizzle-orm';
import { referenceRequests, type ReferenceRequestRow } from '../../db/schema/index.js';
import { checkRequestTransition } from '../../domain/requests/request-states.js';
import { checkLeadTime } from '../../domain/requests/lead-time.js';
import { leadTimeFor } from '../../domain/requests/program-policy.js';
import { partiesFor } from '../../policies/requests.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { lockRequest } from './load-request.js';
import { notifyRequester } from './notify-requester.js';
import { recordRequestEvent } from './record-request-event.js';
import { transitionProblem } from './transition-problem.js';

/**
 * An admin lets a blocked request through the readiness gate, with a reason: on the
 * timeline and in the audit log, and told to the requester (their request was blocked, so
 * they would not otherwise know it moved). The request goes on to matching as if it had passed.
 */
export async function overrideReadiness(deps: ServiceDeps, actor: Actor, id: string, reason: string): Promise<ReferenceRequestRow> {
  return deps.db.transaction(async (tx) => {
    const request = await lockRequest(tx, id);
    const check = checkRequestTransition(request.status, 'override_readiness', partiesFor(actor, request), reason);
    if (!check.ok) throw transitionProblem(check.problem, `override the readiness gate of a ${request.status} request`);
    const now = deps.now();
    const policy = await getProgramPolicy(tx);
    const leadTime = checkLeadTime(now, request.neededBy, leadTimeFor(policy, request.activityTypeKey));
    const trimmed = reason.trim();
    const [updated] = await tx
      .update(referenceRequests)
      .set({
        status: check.to,
        readinessOverrideReason: trimmed,
        readinessOverriddenByUserId: actor.userId,
        rush: leadTime.rush,
        submittedAt: request.submittedAt ?? now,
        updatedAt: now,
      })
      .where(eq(referenceRequests.id, id))
      .returning();
    if (!updated) throw new Error('request update returned nothing');
    await recordRequestEvent(tx, {
      requestId: id,
      actor,
      kind: 'readiness_overridden',
      fromStatus: request.status,
      toStatus: check.to,
      reason: trimmed,
      data: { gaps: request.readinessGaps },
      at: now,
    });
    await recordAudit(tx, {
      action: 'request.readiness_overridden',
      actor,
      target: { type: 'reference_request', id, label: `R-${request.number}` },
      details: { reason: trimmed, gaps: request.readinessGaps },
    });
    if (request.requesterUserId !== actor.userId) {
      await notifyRequester(deps, tx, updated, {
        kind: 'request.readiness_overridden',
        headline: 'the program team let your request through',
        paragraphs: [
          `Your request was waiting on the deal’s readiness. The program team let it through anyway: “${trimmed}”.`,
          'It now goes on to matching. The request page shows each step, and you will hear when an advocate says yes.',
        ],
      });
    }
    return updated;
  });
}
