import { addBusinessDaysTo, businessDaysBetween, toIsoDate } from '../requests/business-days.js';

/**
 * When the scheduled sweeps remind, escalate and alert (DESIGN §3). Pure: every rule takes the
 * instant to judge at, so tests fix the clock. Business days skip weekends (UTC dates); the
 * recipient's local hour is applied later, when the message is written (send-window).
 */

/** After an owner's approval falls due and the owner was reminded, this many more business days before the admins hear of it. */
export const APPROVAL_ESCALATION_BUSINESS_DAYS = 1;
/** A request needed within this many business days with nothing scheduled alerts the program team. */
export const DEADLINE_RISK_BUSINESS_DAYS = 2;
/** The call reminder goes out this long before the conversation. */
export const CALL_REMINDER_HOURS_BEFORE = 24;
/** The debrief request goes at this UTC hour of the business day after the conversation. */
export const DEBRIEF_REQUEST_UTC_HOUR = 8;
/** Business days after the debrief request before the requester's one reminder. */
export const DEBRIEF_REMINDER_BUSINESS_DAYS = 3;
/** How long the re-verification sign-in link stays valid. */
export const REVERIFY_LINK_HOURS = 72;
/** How often the sweeps run. */
export const SWEEP_INTERVAL_MINUTES = 5;

const HOUR_MS = 3_600_000;

/** The UTC midnight of an instant's UTC date. */
function utcMidnight(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

export type ApprovalFollowUp = 'none' | 'remind' | 'escalate';

/** When an unanswered approval escalates to the admins. */
export function approvalEscalationAt(dueAt: Date): Date {
  return addBusinessDaysTo(dueAt, APPROVAL_ESCALATION_BUSINESS_DAYS);
}

/** What an approval still pending at `now` calls for: nothing before it is due, a reminder once due, escalation a period later. */
export function approvalFollowUp(dueAt: Date, now: Date): ApprovalFollowUp {
  if (now.getTime() < dueAt.getTime()) return 'none';
  return now.getTime() >= approvalEscalationAt(dueAt).getTime() ? 'escalate' : 'remind';
}

/** Business days left until needed-by and whether that is close enough to alert (nothing scheduled is the caller's check). */
export function deadlineRisk(neededBy: string, now: Date): { atRisk: boolean; businessDaysLeft: number } {
  const businessDaysLeft = businessDaysBetween(now, neededBy);
  return { atRisk: businessDaysLeft <= DEADLINE_RISK_BUSINESS_DAYS, businessDaysLeft };
}

/** From when the day-before reminder of a conversation goes out. */
export function callReminderAt(scheduledAt: Date): Date {
  return new Date(scheduledAt.getTime() - CALL_REMINDER_HOURS_BEFORE * HOUR_MS);
}

/** The reminder is due in the day before the conversation, and not once it has started. */
export function callReminderDue(scheduledAt: Date, now: Date): boolean {
  return now.getTime() >= callReminderAt(scheduledAt).getTime() && now.getTime() < scheduledAt.getTime();
}

/** The business day after the conversation's (UTC) date, at DEBRIEF_REQUEST_UTC_HOUR: Friday's call → Monday. */
export function debriefRequestAt(scheduledAt: Date): Date {
  const nextBusinessDay = addBusinessDaysTo(utcMidnight(scheduledAt), 1);
  return new Date(nextBusinessDay.getTime() + DEBRIEF_REQUEST_UTC_HOUR * HOUR_MS);
}

export function debriefRequestDue(scheduledAt: Date, now: Date): boolean {
  return now.getTime() >= debriefRequestAt(scheduledAt).getTime();
}

/** The requester's one reminder, a few business days after the debrief request. */
export function debriefReminderAt(scheduledAt: Date): Date {
  return addBusinessDaysTo(debriefRequestAt(scheduledAt), DEBRIEF_REMINDER_BUSINESS_DAYS);
}

export function debriefReminderDue(scheduledAt: Date, now: Date): boolean {
  return now.getTime() >= debriefReminderAt(scheduledAt).getTime();
}

/** An ask still waiting at its expiry counts as no answer. */
export function askExpired(askExpiresAt: Date | null, now: Date): boolean {
  return askExpiresAt !== null && askExpiresAt.getTime() <= now.getTime();
}

/** Dedupe keys: one message per thing and period, whatever the number of sweeps or instances. */
export const reminderKeys = {
  approvalReminder: (candidateId: string, dueAt: Date) => `approval-reminder:${candidateId}:${dueAt.toISOString()}`,
  approvalEscalation: (candidateId: string, dueAt: Date) => `approval-escalation:${candidateId}:${dueAt.toISOString()}`,
  deadlineAtRisk: (requestId: string, neededBy: string) => `deadline-at-risk:${requestId}:${neededBy}`,
  callReminder: (candidateId: string, scheduledAt: Date) => `call-reminder:${candidateId}:${scheduledAt.toISOString()}`,
  debriefRequest: (candidateId: string) => `debrief-request:${candidateId}`,
  debriefReminder: (candidateId: string) => `debrief-reminder:${candidateId}`,
  /** One per advocate per stale period: the period starts the day the profile went stale. */
  reverify: (advocateId: string, staleFrom: Date) => `reverify:${advocateId}:${toIsoDate(staleFrom)}`,
};
