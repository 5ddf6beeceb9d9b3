import { addBusinessDays, differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

/**
 * Business days (Monday to Friday; public holidays are not known to Vouch). Calendar days are
 * read in UTC, whatever the server's time zone: "today" is the UTC date of `now`.
 * Dates are 'YYYY-MM-DD' strings at the API and in the database.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** The UTC calendar day of an instant as a local midnight, the shape date-fns counts with. */
function utcDayAsLocal(instant: Date): Date {
  return new Date(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
}

/** Parses 'YYYY-MM-DD' into a local midnight; throws on anything else. */
export function parseIsoDate(value: string): Date {
  const parsed = ISO_DATE.test(value) ? parseISO(value) : new Date(Number.NaN);
  if (!isValid(parsed) || format(parsed, 'yyyy-MM-dd') !== value) throw new RangeError(`"${value}" is not a date (YYYY-MM-DD)`);
  return parsed;
}

export function isIsoDate(value: string): boolean {
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

/** The UTC calendar date of an instant as 'YYYY-MM-DD'. */
export function toIsoDate(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * `days` business days after `date` (before it when negative), keeping the time of day.
 * From a Saturday or Sunday, one business day later is the Monday.
 */
export function addBusinessDaysTo(date: Date, days: number): Date {
  const day = utcDayAsLocal(date);
  const shift = differenceInCalendarDays(addBusinessDays(day, days), day);
  return new Date(date.getTime() + shift * DAY_MS);
}

/**
 * Whole business days from `from` (exclusive: today does not count) to `toIsoDate` (inclusive).
 * Monday → next Monday is 5; Friday → Monday is 1; negative when the date is in the past.
 */
export function businessDaysBetween(from: Date, toIsoDate: string): number {
  parseIsoDate(toIsoDate);
  const start = Math.floor(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) / DAY_MS);
  const end = Math.floor(Date.parse(`${toIsoDate}T00:00:00Z`) / DAY_MS);
  return weekdaysBefore(end + 1) - weekdaysBefore(start + 1);
}

/** Day 0 (1970-01-01) was a Thursday: weekday flags of seven days from there. */
const WEEKDAY_FROM_THURSDAY = [1, 1, 0, 0, 1, 1, 1];

/** Weekdays among the days [0, n) since the epoch; extended to negative n so differences count (a, b]. */
function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  const rest = n - weeks * 7;
  let count = weeks * 5;
  for (let i = 0; i < rest; i += 1) count += WEEKDAY_FROM_THURSDAY[i] ?? 0;
  return count;
}

/** `days` business days after the UTC date of `from`, as 'YYYY-MM-DD'. */
export function businessDateAfter(from: Date, days: number): string {
  return format(addBusinessDays(utcDayAsLocal(from), days), 'yyyy-MM-dd');
}
