import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareMatches, type Rankable } from './ranking.js';

const rankable = fc.record({
  advocateId: fc.uuid(),
  score: fc.integer({ min: 0, max: 3 }),
  lastUsedOn: fc.option(fc.constantFrom('2026-01-01', '2026-03-01', '2026-06-01')),
});

describe('ranking', () => {
  it('orders by score, then least recently used (never used first), then id', () => {
    const list: Rankable[] = [
      { advocateId: 'b', score: 80, lastUsedOn: '2026-05-01' },
      { advocateId: 'c', score: 80, lastUsedOn: null },
      { advocateId: 'a', score: 80, lastUsedOn: '2026-01-01' },
      { advocateId: 'd', score: 90, lastUsedOn: '2026-10-01' },
      { advocateId: 'e', score: 80, lastUsedOn: '2026-01-01' },
    ];
    expect([...list].sort(compareMatches).map((r) => r.advocateId)).toEqual(['d', 'c', 'a', 'e', 'b']);
  });

  it('is a total order: the result does not depend on the input order', () => {
    fc.assert(
      fc.property(fc.array(rankable, { maxLength: 30 }), (list) => {
        const sorted = [...list].sort(compareMatches);
        expect([...list].reverse().sort(compareMatches)).toEqual(sorted);
        for (let i = 1; i < sorted.length; i++) expect(compareMatches(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('rotates equals: using the first of two equals puts the other first next time', () => {
    const a = { advocateId: 'a', score: 70, lastUsedOn: null as string | null };
    const b = { advocateId: 'b', score: 70, lastUsedOn: null as string | null };
    const first = [a, b].sort(compareMatches)[0]!;
    first.lastUsedOn = '2026-11-01';
    expect([a, b].sort(compareMatches)[0]).not.toBe(first);
  });
});
