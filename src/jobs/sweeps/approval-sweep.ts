import { and, eq, isNotNull, lte, notInArray } from 'drizzle-orm';
import { referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { approvalFollowUp } from '../../domain/notifications/reminders.js';
import type { ServiceDeps } from '../../services/context.js';
import { notifyApprovalEscalated, notifyApprovalReminder } from '../../services/notifications/messages/approval-notices.js';
import { runLockedSweep, type SweepOutcome } from './sweep-lock.js';

/**
 * (a) Owner approvals past their due time: the owner is reminded once; a period later, still
 * unanswered, the admins are told once (both through dedupe keys on the due time, so a new
 * due time starts over).
 */
export function sweepOverdueApprovals(deps: ServiceDeps): Promise<SweepOutcome> {
  return runLockedSweep(deps, 'approvals', async ({ tx, now, each }) => {
    const rows = await tx
      .select({ candidate: requestCandidates, request: referenceRequests })
      .from(requestCandidates)
      .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
      .where(
        and(
          eq(requestCandidates.status, 'owner_pending'),
          isNotNull(requestCandidates.approverUserId),
          lte(requestCandidates.approvalDueAt, now),
          notInArray(referenceRequests.status, ['cancelled', 'closed']),
        ),
      );
    await each(rows, async (sp, { candidate, request }) => {
      const step = candidate.approvalDueAt ? approvalFollowUp(candidate.approvalDueAt, now) : 'none';
      if (step === 'none') return false;
      const reminded = await notifyApprovalReminder(deps, sp, request, candidate);
      const escalated = step === 'escalate' ? await notifyApprovalEscalated(deps, sp, request, candidate) : { emails: 0, inApp: 0, webhooks: 0 };
      return reminded.emails + reminded.inApp + escalated.emails + escalated.inApp > 0;
    });
  });
}
