import { and, inArray, lte, notExists, eq } from 'drizzle-orm';
import { referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { DEADLINE_RISK_BUSINESS_DAYS, deadlineRisk } from '../../domain/notifications/reminders.js';
import { addBusinessDaysTo, toIsoDate } from '../../domain/requests/business-days.js';
import type { ServiceDeps } from '../../services/context.js';
import { notifyDeadlineAtRisk } from '../../services/notifications/messages/program-notices.js';
import { runLockedSweep, type SweepOutcome } from './sweep-lock.js';

/** Requests still being worked on. */
const OPEN_STATUSES = ['matching', 'in_progress', 'fulfilled'] as const;

/**
 * (b) A request within DEADLINE_RISK_BUSINESS_DAYS of its needed-by date with no conversation
 * scheduled (or held): the program team is alerted once per needed-by date.
 */
export function sweepDeadlinesAtRisk(deps: ServiceDeps): Promise<SweepOutcome> {
  return runLockedSweep(deps, 'deadlines', async ({ tx, now, each }) => {
    const cutoff = toIsoDate(addBusinessDaysTo(now, DEADLINE_RISK_BUSINESS_DAYS));
    const scheduled = tx
      .select({ id: requestCandidates.id })
      .from(requestCandidates)
      .where(and(eq(requestCandidates.requestId, referenceRequests.id), inArray(requestCandidates.status, ['scheduled', 'happened'])));
    const requests = await tx
      .select()
      .from(referenceRequests)
      .where(and(inArray(referenceRequests.status, [...OPEN_STATUSES]), lte(referenceRequests.neededBy, cutoff), notExists(scheduled)));
    await each(requests, async (sp, request) => {
      const risk = deadlineRisk(request.neededBy, now);
      if (!risk.atRisk) return false;
      const written = await notifyDeadlineAtRisk(deps, sp, request, risk.businessDaysLeft);
      return written.emails + written.inApp > 0;
    });
  });
}
