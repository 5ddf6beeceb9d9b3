/**
 * Capacity rules (DESIGN §4): weighted uses per advocate and per account over a rolling
 * window, and a rest period between an advocate's uses. Pure; dates are 'YYYY-MM-DD'.
 */
export interface CountedUse {
  occursOn: string;
  weight: number;
}

export interface CapacityInput {
  /** The advocate's counted uses (held, planned, happened), any dates. */
  advocateUses: readonly CountedUse[];
  accountUses: readonly CountedUse[];
  advocateCap: number;
  accountCap: number;
  windowDays: number;
  restDays: number;
  /** The date the new use counts on, and its weight. */
  on: string;
  weight: number;
}

export type CapacityProblem =
  | { rule: 'advocate_cap'; used: number; cap: number; message: string }
  | { rule: 'account_cap'; used: number; cap: number; message: string }
  | { rule: 'rest_period'; lastUsedOn: string; restUntil: string; message: string };

export interface CapacityResult {
  ok: boolean;
  problems: CapacityProblem[];
  /** The busiest rolling window around the date, without the new use. */
  advocateUsed: number;
  accountUsed: number;
  advocateRemaining: number;
  accountRemaining: number;
}

const DAY_MS = 86_400_000;
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
/** 'YYYY-MM-DD' at the start of the text. */
function isPlainDate(text: string): boolean {
  if (text.length < 10 || text[4] !== '-' || text[7] !== '-') return false;
  for (const at of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = digit(text, at);
    if (!(d >= 0 && d <= 9)) return false;
  }
  return true;
}

/**
 * Days since 1970-01-01 of a date's first ten characters ('YYYY-MM-DD'; NaN when not a date).
 * Plain dates are read digit by digit: matching calls this thousands of times per request, and
 * Date.parse on a built string showed in its profile. Anything else goes to Date.parse as before.
 */
export function dayNumber(isoDate: string): number {
  if (isPlainDate(isoDate)) {
    const year = digit(isoDate, 0) * 1000 + digit(isoDate, 1) * 100 + digit(isoDate, 2) * 10 + digit(isoDate, 3);
    const month = digit(isoDate, 5) * 10 + digit(isoDate, 6);
    const day = digit(isoDate, 8) * 10 + digit(isoDate, 9);
    // Date.UTC reads years below 100 as 19xx; those, and out-of-range parts, are left to Date.parse.
    if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 31) return Date.UTC(year, month - 1, day) / DAY_MS;
  }
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}
export const isoFromDayNumber = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The heaviest load of any rolling window of `windowDays` that contains `on`.
 */
export function busiestWindowLoad(uses: readonly CountedUse[], on: string, windowDays: number): number {
  const day = dayNumber(on);
  const first = day - windowDays + 1;
  const inRange = uses.map((u) => ({ day: dayNumber(u.occursOn), weight: u.weight })).filter((u) => u.day >= first && u.day <= day + windowDays - 1);
  // The load changes only where a use enters the window (start = use - windowDays + 1), so
  // the heaviest window starts at the earliest possible day or at one of those entry points.
  const starts = [first, ...inRange.map((u) => u.day - windowDays + 1).filter((start) => start > first && start <= day)];
  let busiest = 0;
  for (const start of starts) {
    const end = start + windowDays - 1;
    const load = inRange.reduce((sum, u) => (u.day >= start && u.day <= end ? sum + u.weight : sum), 0);
    busiest = Math.max(busiest, load);
  }
  return round(busiest);
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Would one more use of `weight` on `on` keep the advocate and the account within their caps and rest period? */
export function evaluateCapacity(input: CapacityInput): CapacityResult {
  const advocateUsed = busiestWindowLoad(input.advocateUses, input.on, input.windowDays);
  const accountUsed = busiestWindowLoad(input.accountUses, input.on, input.windowDays);
  const problems: CapacityProblem[] = [];
  if (advocateUsed + input.weight > input.advocateCap + 1e-9) {
    problems.push({
      rule: 'advocate_cap',
      used: advocateUsed,
      cap: input.advocateCap,
      message: `The advocate has used ${advocateUsed} of ${input.advocateCap} units in ${input.windowDays} days; this use needs ${input.weight}.`,
    });
  }
  if (accountUsed + input.weight > input.accountCap + 1e-9) {
    problems.push({
      rule: 'account_cap',
      used: accountUsed,
      cap: input.accountCap,
      message: `The account has used ${accountUsed} of ${input.accountCap} units in ${input.windowDays} days; this use needs ${input.weight}.`,
    });
  }
  const rest = restConflict(input.advocateUses, input.on, input.restDays);
  if (rest) problems.push(rest);
  return {
    ok: problems.length === 0,
    problems,
    advocateUsed,
    accountUsed,
    advocateRemaining: round(Math.max(0, input.advocateCap - advocateUsed)),
    accountRemaining: round(Math.max(0, input.accountCap - accountUsed)),
  };
}

/** A use closer than `restDays` to the date, before or after it. */
export function restConflict(uses: readonly CountedUse[], on: string, restDays: number): CapacityProblem | null {
  if (restDays <= 0) return null;
  const day = dayNumber(on);
  const close = uses.map((u) => dayNumber(u.occursOn)).filter((d) => Math.abs(d - day) < restDays);
  if (close.length === 0) return null;
  const nearest = close.reduce((a, b) => (Math.abs(a - day) <= Math.abs(b - day) ? a : b));
  const restUntil = isoFromDayNumber(nearest + restDays);
  return {
    rule: 'rest_period',
    lastUsedOn: isoFromDayNumber(nearest),
    restUntil,
    message: `The advocate helped on ${isoFromDayNumber(nearest)} and rests ${restDays} days between uses.`,
  };
}
