import { format } from 'date-fns';
import { businessDateAfter, businessDaysBetween, parseIsoDate, toIsoDate } from './business-days.js';

/**
 * Does a needed-by date leave the activity type's minimum lead time (DESIGN §3)? Pure. A date
 * inside the lead time is allowed with a justification and counted as a rush.
 */
export interface LeadTimeResult {
  minimumBusinessDays: number;
  /** Business days from today (exclusive) to the needed-by date (inclusive); negative in the past. */
  availableBusinessDays: number;
  rush: boolean;
  /** The needed-by date is before today: no justification makes it possible. */
  inPast: boolean;
  /** The first date that respects the lead time, YYYY-MM-DD. */
  earliestDate: string;
  message: string;
}
export interface LeadTimeOptions {
  /** How the activity reads in a sentence, e.g. "a reference call". Default "this kind of reference". */
  activityLabel?: string;
}

export function formatIsoDate(value: string): string {
  return format(parseIsoDate(value), 'EEE d MMM yyyy');
}

export function checkLeadTime(now: Date, neededBy: string, minimumBusinessDays: number, options: LeadTimeOptions = {}): LeadTimeResult {
  const availableBusinessDays = businessDaysBetween(now, neededBy);
  const earliestDate = businessDateAfter(now, minimumBusinessDays);
  const inPast = neededBy < toIsoDate(now);
  const rush = availableBusinessDays < minimumBusinessDays;
  const activity = options.activityLabel ?? 'this kind of reference';
  const needs = `${activity} needs at least ${days(minimumBusinessDays)}`;
  let message: string;
  if (inPast) {
    message = `The needed-by date ${formatIsoDate(neededBy)} is in the past. Pick a date from ${formatIsoDate(earliestDate)} on (${needs}).`;
  } else if (rush) {
    message =
      `Needed by ${formatIsoDate(neededBy)} leaves ${days(availableBusinessDays)}; ${needs}. ` +
      `The earliest date that respects the lead time is ${formatIsoDate(earliestDate)}. A sooner date needs a justification and counts as a rush.`;
  } else {
    message = `Needed by ${formatIsoDate(neededBy)} leaves ${days(availableBusinessDays)}; ${needs}.`;
  }
  return { minimumBusinessDays, availableBusinessDays, rush, inPast, earliestDate, message };
}

function days(n: number): string {
  return n === 1 ? '1 business day' : `${n} business days`;
}
