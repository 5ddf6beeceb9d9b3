/**
 * When to try an undelivered message again: exponential backoff with jitter, as a pure
 * function of how many attempts have been made so far.
 */
export const DELIVERY_BACKOFF = {
  /** Wait after the first failed attempt. */
  baseDelayMs: 30_000,
  /** Longest wait between attempts, before jitter. */
  maxDelayMs: 60 * 60_000,
  /** Each wait is moved by up to this fraction either way, so failed messages do not retry in lockstep. */
  jitter: 0.1,
  /** Attempts after which a message is given up on (`dead`). */
  maxAttempts: 8,
} as const;

/**
 * Milliseconds to wait after the given number of attempts (1 = the first one failed):
 * 30 s × 2^(attempts-1), capped at 1 h, then ± up to 10 %. `random` returns [0, 1).
 */
export function nextAttemptDelayMs(attempts: number, random: () => number = Math.random): number {
  const n = Number.isFinite(attempts) ? Math.max(1, Math.floor(attempts)) : 1;
  const base = Math.min(DELIVERY_BACKOFF.baseDelayMs * 2 ** (n - 1), DELIVERY_BACKOFF.maxDelayMs);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(base * (1 + (r * 2 - 1) * DELIVERY_BACKOFF.jitter));
}

/** True when a message has used up its attempts and should be marked `dead`. */
export function isExhausted(attempts: number, max: number = DELIVERY_BACKOFF.maxAttempts): boolean {
  return attempts >= max;
}
