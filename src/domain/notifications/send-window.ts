import { TZDate } from '@date-fns/tz';
import { addDays, isWeekend } from 'date-fns';
import { isTimeZone } from '../../integrations/calendar/time-zones.js';

/**
 * When a message that waits for a sensible local hour may go out (DESIGN §3, issue 6): on a
 * business day (Monday to Friday; public holidays are unknown) between 08:00 and 18:00 on the
 * recipient's wall clock. Pure: the clock and the zone are arguments. Daylight saving is the
 * time-zone library's business (@date-fns/tz), so 08:00 is 08:00 local on either side of a change.
 */
export interface SendingHours {
  /** First local hour a message may go out (inclusive). */
  startHour: number;
  /** Local hour from which messages wait for the next business day (exclusive). */
  endHour: number;
}

export const SENDING_HOURS: SendingHours = { startHour: 8, endHour: 18 };

/**
 * The first instant at or after `now` inside the sending hours of `timeZone`. With no zone, or
 * one the runtime does not know, the message goes now: better on time than never.
 */
export function nextSendingInstant(now: Date, timeZone: string | null | undefined, hours: SendingHours = SENDING_HOURS): Date {
  if (!timeZone || !isTimeZone(timeZone)) return now;
  const local = new TZDate(now.getTime(), timeZone);
  const hour = local.getHours();
  if (!isWeekend(local) && hour >= hours.startHour && hour < hours.endHour) return now;
  // Before opening on a business day: today at opening. Otherwise the next business day.
  let day: TZDate = !isWeekend(local) && hour < hours.startHour ? local : addDays(local, 1);
  while (isWeekend(day)) day = addDays(day, 1);
  const opening = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), hours.startHour, 0, 0, 0, timeZone);
  return new Date(opening.getTime());
}
