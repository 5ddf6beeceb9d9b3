/**
 * Profile freshness: a profile not verified for `staleAfterMonths` is stale; in the month
 * before that it is due for re-verification.
 */
export type Freshness = 'fresh' | 'due' | 'stale' | 'never_verified';

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDay));
  return result;
}

export function advocateFreshness(lastVerifiedAt: Date | null, now: Date, staleAfterMonths: number): Freshness {
  if (!lastVerifiedAt) return 'never_verified';
  const staleAt = addMonths(lastVerifiedAt, staleAfterMonths);
  if (now.getTime() >= staleAt.getTime()) return 'stale';
  if (now.getTime() >= addMonths(staleAt, -1).getTime()) return 'due';
  return 'fresh';
}

/** The date from which a profile verified at `lastVerifiedAt` counts as stale. */
export function staleFrom(lastVerifiedAt: Date, staleAfterMonths: number): Date {
  return addMonths(lastVerifiedAt, staleAfterMonths);
}
