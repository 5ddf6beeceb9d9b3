import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advocateFreshness } from '../advocate-freshness.js';
import { countriesInRegions, freshnessBounds, regionCounts } from './advocate-filters.js';
import { toPrefixTsQuery } from './text-query.js';

describe('toPrefixTsQuery', () => {
  it('makes every word a prefix term, joined by AND', () => {
    expect(toPrefixTsQuery('Sec  Migr')).toBe('sec:* & migr:*');
    expect(toPrefixTsQuery("O'Brien & (drop) | !x")).toBe('o:* & brien:* & drop:* & x:*');
    expect(toPrefixTsQuery('Müller')).toBe('müller:*');
    expect(toPrefixTsQuery('  ---  ')).toBeNull();
  });
  it('only ever produces letters, digits and the operators it adds', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (input) => {
        const query = toPrefixTsQuery(input);
        if (query !== null) expect(query).toMatch(/^[\p{L}\p{N}]+:\*( & [\p{L}\p{N}]+:\*)*$/u);
      }),
    );
  });
});

describe('regions', () => {
  it('expands regions and sub-regions to countries', () => {
    expect(countriesInRegions(['Western Europe'])).toEqual(expect.arrayContaining(['FR', 'DE', 'NL']));
    expect(countriesInRegions(['Western Europe'])).not.toContain('PL');
    expect(countriesInRegions(['Europe'])).toContain('PL');
  });
  it('sums country counts into regions', () => {
    expect(regionCounts([{ key: 'FR', count: 3 }, { key: 'DE', count: 2 }, { key: 'JP', count: 4 }])).toEqual([
      { key: 'Europe', count: 5 },
      { key: 'Asia', count: 4 },
    ]);
  });
});

describe('freshnessBounds', () => {
  it('agrees with advocateFreshness for any verification date', () => {
    const now = new Date('2026-06-15T12:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36 * 30 }), (daysAgo) => {
        const verified = new Date(now.getTime() - daysAgo * 86_400_000);
        const actual = advocateFreshness(verified, now, 12);
        if (actual === 'never_verified') return;
        const b = freshnessBounds(actual, now, 12);
        if (b.from) expect(verified.getTime()).toBeGreaterThanOrEqual(b.from.getTime() - 86_400_000);
        if (b.to) expect(verified.getTime()).toBeLessThanOrEqual(b.to.getTime() + 86_400_000);
      }),
    );
  });
});
