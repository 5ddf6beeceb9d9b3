import { subDays } from 'date-fns';
import { and, eq, gt, gte, inArray, isNotNull, lte, notInArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { activities, advocates, debriefs, outboxMessages, referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { isWanted } from '../../domain/notifications/catalog.js';
import { CALL_REMINDER_HOURS_BEFORE, callReminderDue, debriefReminderDue, debriefRequestDue, reminderKeys } from '../../domain/notifications/reminders.js';
import type { ServiceDeps } from '../../services/context.js';
import { notifyCallReminder } from '../../services/notifications/messages/conversation-notices.js';
import { notifyAdvocateDebriefRequested, notifyDebriefReminder, notifyRequesterDebriefRequested } from '../../services/notifications/messages/debrief-notices.js';
import { runLockedSweep, type SweepOutcome } from './sweep-lock.js';

/** Conversations older than this are not chased any more (and history imported later is never). */
export const DEBRIEF_CHASE_DAYS = 14;

const written = (results: { emails: number; inApp: number }[]) => results.some((r) => r.emails + r.inApp > 0);

/** (c) The day before a scheduled conversation: both sides, once per date. */
export function sweepCallReminders(deps: ServiceDeps): Promise<SweepOutcome> {
  return runLockedSweep(deps, 'call_reminders', async ({ tx, now, each }) => {
    const until = new Date(now.getTime() + CALL_REMINDER_HOURS_BEFORE * 3_600_000);
    const rows = await tx
      .select({ candidate: requestCandidates, request: referenceRequests })
      .from(requestCandidates)
      .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
      .where(
        and(
          eq(requestCandidates.status, 'scheduled'),
          gt(requestCandidates.scheduledAt, now),
          lte(requestCandidates.scheduledAt, until),
          notInArray(referenceRequests.status, ['cancelled', 'closed']),
        ),
      );
    await each(rows, async (sp, { candidate, request }) => {
      const scheduledAt = candidate.scheduledAt;
      if (!scheduledAt || !callReminderDue(scheduledAt, now)) return false;
      return written(await notifyCallReminder(deps, sp, request, { ...candidate, scheduledAt }));
    });
  });
}

/** Whether an e-mail with this dedupe key was already written (checked before issuing a new signed link). */
async function alreadyWritten(tx: Tx, dedupeKey: string): Promise<boolean> {
  const [row] = await tx.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.dedupeKey, dedupeKey)).limit(1);
  return Boolean(row);
}

/**
 * (d) The business day after a conversation, each side that has not debriefed is asked (the
 * advocate through a fresh signed link to their debrief); (e) a few business days later the
 * requester, still without a debrief, gets one reminder.
 */
export function sweepDebriefs(deps: ServiceDeps): Promise<SweepOutcome> {
  return runLockedSweep(deps, 'debriefs', async ({ tx, now, each }) => {
    const rows = await tx
      .select({ candidate: requestCandidates, request: referenceRequests, activityId: activities.id, advocateOptOuts: advocates.notificationOptOuts, advocateEmail: advocates.email })
      .from(requestCandidates)
      .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
      .innerJoin(activities, eq(activities.candidateId, requestCandidates.id))
      .innerJoin(advocates, eq(advocates.id, requestCandidates.advocateId))
      .where(
        and(
          inArray(requestCandidates.status, ['scheduled', 'happened']),
          isNotNull(requestCandidates.scheduledAt),
          lte(requestCandidates.scheduledAt, now),
          gte(requestCandidates.scheduledAt, subDays(now, DEBRIEF_CHASE_DAYS)),
          notInArray(referenceRequests.status, ['cancelled']),
        ),
      );
    const activityIds = rows.map((r) => r.activityId);
    const given = activityIds.length > 0 ? await tx.select({ activityId: debriefs.activityId, side: debriefs.side }).from(debriefs).where(inArray(debriefs.activityId, activityIds)) : [];
    const has = new Set(given.map((d) => `${d.activityId}:${d.side}`));
    await each(rows, async (sp, row) => {
      const scheduledAt = row.candidate.scheduledAt;
      if (!scheduledAt || !debriefRequestDue(scheduledAt, now)) return false;
      const candidate = { ...row.candidate, scheduledAt };
      const results = [];
      if (!has.has(`${row.activityId}:requester`)) {
        results.push(await notifyRequesterDebriefRequested(deps, sp, row.request, candidate));
        if (debriefReminderDue(scheduledAt, now)) results.push(await notifyDebriefReminder(deps, sp, row.request, candidate));
      }
      const advocateKey = `${reminderKeys.debriefRequest(candidate.id)}:${candidate.advocateId}`;
      if (
        !has.has(`${row.activityId}:advocate`) &&
        row.advocateEmail &&
        isWanted('advocate.debrief_requested', row.advocateOptOuts) &&
        !(await alreadyWritten(sp, advocateKey))
      ) {
        results.push(await notifyAdvocateDebriefRequested(deps, sp, row.request, candidate));
      }
      return written(results);
    });
  });
}
