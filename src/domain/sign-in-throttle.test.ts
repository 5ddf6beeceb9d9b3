import { describe, expect, it } from 'vitest';
import { decideSignInThrottle, THROTTLE } from './sign-in-throttle.js';

const now = new Date('2026-01-01T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('decideSignInThrottle', () => {
  it('allows the first few failures', () => {
    const failures = Array.from({ length: THROTTLE.accountFreeFailures - 1 }, () => ago(1000));
    expect(decideSignInThrottle({ now, accountFailures: failures, addressFailures: [] })).toEqual({ allowed: true });
  });
  it('then waits, doubling with each further failure up to the cap', () => {
    const waitFor = (n: number) => {
      const d = decideSignInThrottle({ now, accountFailures: Array.from({ length: n }, () => now), addressFailures: [] });
      return d.allowed ? 0 : d.retryAfterSeconds;
    };
    expect(waitFor(5)).toBe(30);
    expect(waitFor(6)).toBe(60);
    expect(waitFor(7)).toBe(120);
    expect(waitFor(40)).toBe(THROTTLE.accountMaxDelayMs / 1000);
  });
  it('counts the wait from the newest failure', () => {
    const failures = [ago(20_000), ...Array.from({ length: 4 }, () => ago(60_000))];
    expect(decideSignInThrottle({ now, accountFailures: failures, addressFailures: [] })).toEqual({ allowed: false, retryAfterSeconds: 10 });
    const old = [ago(31_000), ...Array.from({ length: 4 }, () => ago(60_000))];
    expect(decideSignInThrottle({ now, accountFailures: old, addressFailures: [] })).toEqual({ allowed: true });
  });
  it('blocks an address over its budget until the oldest counted failure leaves the window', () => {
    const address = Array.from({ length: THROTTLE.addressMaxFailures }, (_, i) => ago(THROTTLE.windowMs - 60_000 - i));
    address.sort((a, b) => a.getTime() - b.getTime());
    const decision = decideSignInThrottle({ now, accountFailures: [], addressFailures: address });
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) });
    if (!decision.allowed) expect(decision.retryAfterSeconds).toBeLessThanOrEqual(60);
  });
});
