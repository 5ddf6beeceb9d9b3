import { describe, expect, it } from 'vitest';
import { DELIVERY_BACKOFF, isExhausted, nextAttemptDelayMs } from './delivery-backoff.js';

const middle = () => 0.5;

describe('nextAttemptDelayMs', () => {
  it('starts at 30 seconds and doubles with each attempt', () => {
    expect(nextAttemptDelayMs(1, middle)).toBe(30_000);
    expect(nextAttemptDelayMs(2, middle)).toBe(60_000);
    expect(nextAttemptDelayMs(3, middle)).toBe(120_000);
    expect(nextAttemptDelayMs(7, middle)).toBe(30_000 * 64);
  });
  it('is capped at one hour', () => {
    expect(nextAttemptDelayMs(8, middle)).toBe(DELIVERY_BACKOFF.maxDelayMs);
    expect(nextAttemptDelayMs(50, middle)).toBe(DELIVERY_BACKOFF.maxDelayMs);
    expect(nextAttemptDelayMs(10_000, middle)).toBe(DELIVERY_BACKOFF.maxDelayMs);
  });
  it('moves each wait by at most 10 % either way', () => {
    expect(nextAttemptDelayMs(1, () => 0)).toBe(27_000);
    expect(nextAttemptDelayMs(1, () => 0.999999)).toBe(33_000);
    expect(nextAttemptDelayMs(20, () => 0)).toBe(DELIVERY_BACKOFF.maxDelayMs * 0.9);
    for (let i = 0; i < 200; i++) {
      const delay = nextAttemptDelayMs(4);
      expect(delay).toBeGreaterThanOrEqual(240_000 * 0.9);
      expect(delay).toBeLessThanOrEqual(240_000 * 1.1);
    }
  });
  it('treats nonsense attempt counts as the first attempt', () => {
    expect(nextAttemptDelayMs(0, middle)).toBe(30_000);
    expect(nextAttemptDelayMs(-3, middle)).toBe(30_000);
    expect(nextAttemptDelayMs(Number.NaN, middle)).toBe(30_000);
  });
  it('ignores a random source that strays outside [0, 1)', () => {
    expect(nextAttemptDelayMs(1, () => 5)).toBe(33_000);
    expect(nextAttemptDelayMs(1, () => -1)).toBe(27_000);
  });
});

describe('isExhausted', () => {
  it('is true once the attempts reach the maximum', () => {
    expect(isExhausted(7, 8)).toBe(false);
    expect(isExhausted(8, 8)).toBe(true);
    expect(isExhausted(9, 8)).toBe(true);
    expect(isExhausted(DELIVERY_BACKOFF.maxAttempts)).toBe(true);
    expect(isExhausted(DELIVERY_BACKOFF.maxAttempts - 1)).toBe(false);
  });
});
