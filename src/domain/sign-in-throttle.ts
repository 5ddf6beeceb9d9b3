/**
 * Brute-force throttling of sign-ins, as a pure decision over recent failures.
 * Per account: a few free tries, then an exponentially growing wait.
 * Per client address: a larger budget in a sliding window (password spraying).
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  accountFreeFailures: 5,
  accountBaseDelayMs: 30_000,
  accountMaxDelayMs: 15 * 60_000,
  addressMaxFailures: 30,
} as const;

export interface ThrottleInput {
  now: Date;
  /** Failures for this account inside the window, newest first. */
  accountFailures: Date[];
  /** Failures from this client address inside the window, oldest first. */
  addressFailures: Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export function decideSignInThrottle({ now, accountFailures, addressFailures }: ThrottleInput): ThrottleDecision {
  const waits: number[] = [];
  const newest = accountFailures[0];
  if (accountFailures.length >= THROTTLE.accountFreeFailures && newest) {
    const excess = accountFailures.length - THROTTLE.accountFreeFailures;
    const delay = Math.min(THROTTLE.accountBaseDelayMs * 2 ** excess, THROTTLE.accountMaxDelayMs);
    waits.push(newest.getTime() + delay - now.getTime());
  }
  if (addressFailures.length >= THROTTLE.addressMaxFailures) {
    // The window frees a slot when the oldest counted failure leaves it.
    const oldestCounted = addressFailures[addressFailures.length - THROTTLE.addressMaxFailures];
    if (oldestCounted) waits.push(oldestCounted.getTime() + THROTTLE.windowMs - now.getTime());
  }
  const wait = Math.max(0, ...waits);
  return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
}
