import { describe, expect, it } from 'vitest';
import { advocateFreshness, staleFrom } from './advocate-freshness.js';

const verified = new Date('2025-01-31T10:00:00Z');

describe('advocate freshness', () => {
  it('is fresh, then due in the last month, then stale', () => {
    expect(advocateFreshness(verified, new Date('2025-06-01T00:00:00Z'), 12)).toBe('fresh');
    expect(advocateFreshness(verified, new Date('2025-12-31T10:00:00Z'), 12)).toBe('due');
    expect(advocateFreshness(verified, new Date('2026-01-31T10:00:00Z'), 12)).toBe('stale');
  });
  it('handles month ends without overflowing into the next month', () => {
    expect(staleFrom(verified, 1).toISOString()).toBe('2025-02-28T10:00:00.000Z');
  });
  it('flags profiles never verified', () => {
    expect(advocateFreshness(null, new Date(), 12)).toBe('never_verified');
  });
});
