import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busiestWindowLoad, dayNumber, evaluateCapacity, isoFromDayNumber, restConflict, type CountedUse } from './caps.js';

const base = { advocateCap: 3, accountCap: 10, windowDays: 365, restDays: 14, weight: 1 };

describe('evaluateCapacity', () => {
  it('allows a use while the advocate stays within the cap', () => {
    const uses = [{ occursOn: '2026-01-10', weight: 1 }];
    const result = evaluateCapacity({ ...base, advocateUses: uses, accountUses: uses, on: '2026-06-01' });
    expect(result).toMatchObject({ ok: true, advocateUsed: 1, advocateRemaining: 2, problems: [] });
  });

  it('refuses a use that would pass the advocate cap, counting weights', () => {
    const uses = [
      { occursOn: '2026-01-10', weight: 1 },
      { occursOn: '2026-03-10', weight: 1.5 },
    ];
    const result = evaluateCapacity({ ...base, advocateUses: uses, accountUses: uses, on: '2026-06-01' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.rule)).toEqual(['advocate_cap']);
  });

  it('counts uses after the date too: a booking later in the window uses the same capacity', () => {
    const uses = [
      { occursOn: '2026-09-01', weight: 2 },
      { occursOn: '2026-10-01', weight: 1 },
    ];
    expect(evaluateCapacity({ ...base, advocateUses: uses, accountUses: [], on: '2026-06-01' }).ok).toBe(false);
  });

  it('forgets uses outside every window that contains the date', () => {
    const uses = [{ occursOn: '2024-01-01', weight: 3 }];
    expect(evaluateCapacity({ ...base, advocateUses: uses, accountUses: uses, on: '2026-06-01' }).ok).toBe(true);
  });

  it('applies the account cap across the account’s advocates', () => {
    const accountUses = Array.from({ length: 10 }, (_, i) => ({ occursOn: `2026-0${1 + (i % 5)}-1${i % 9}`, weight: 1 }));
    const result = evaluateCapacity({ ...base, advocateUses: [], accountUses, on: '2026-06-01' });
    expect(result.problems.map((p) => p.rule)).toEqual(['account_cap']);
  });

  it('enforces the rest period before and after another use', () => {
    expect(restConflict([{ occursOn: '2026-06-10', weight: 1 }], '2026-06-01', 14)).toMatchObject({ rule: 'rest_period', lastUsedOn: '2026-06-10' });
    expect(restConflict([{ occursOn: '2026-05-10', weight: 1 }], '2026-06-01', 14)).toBeNull();
    expect(restConflict([{ occursOn: '2026-05-25', weight: 1 }], '2026-06-01', 0)).toBeNull();
  });
});

describe('busiestWindowLoad', () => {
  const use = fc.record({ offset: fc.integer({ min: -60, max: 60 }), weight: fc.constantFrom(0.5, 1, 2, 3) });

  it('equals the brute-force maximum over every window containing the date', () => {
    fc.assert(
      fc.property(fc.array(use, { maxLength: 12 }), fc.integer({ min: 1, max: 40 }), (raw, windowDays) => {
        const on = '2026-06-01';
        const day = dayNumber(on);
        const uses: CountedUse[] = raw.map((u) => ({ occursOn: isoFromDayNumber(day + u.offset), weight: u.weight }));
        let brute = 0;
        for (let start = day - windowDays + 1; start <= day; start++) {
          const load = uses.reduce((sum, u) => {
            const d = dayNumber(u.occursOn);
            return d >= start && d <= start + windowDays - 1 ? sum + u.weight : sum;
          }, 0);
          brute = Math.max(brute, load);
        }
        expect(busiestWindowLoad(uses, on, windowDays)).toBeCloseTo(brute, 6);
      }),
    );
  });
});

describe('dayNumber', () => {
  const parsed = (text: string) => Math.floor(Date.parse(`${text.slice(0, 10)}T00:00:00Z`) / 86_400_000);
  it('reads any YYYY-MM-DD text exactly as Date.parse does, out-of-range parts and trailing time included', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const text = fc.tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two(19), two(39), fc.constantFrom('', 'T12:30:00Z', 'x'));
    fc.assert(
      fc.property(text, ([y, m, d, rest]) => {
        const iso = `${y}-${m}-${d}${rest}`;
        expect(dayNumber(iso)).toEqual(parsed(iso));
      }),
      { numRuns: 2_000 },
    );
  });

  it('gives NaN for what is not a date', () => {
    for (const text of ['', '2026-1-01', '2026/01/01', 'tomorrow', '2026-13-01']) expect(dayNumber(text)).toBeNaN();
    expect(dayNumber('2026-11-24')).toBe(Date.UTC(2026, 10, 24) / 86_400_000);
  });
});
