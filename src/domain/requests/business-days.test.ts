import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDaysTo, businessDateAfter, businessDaysBetween, isIsoDate, parseIsoDate, toIsoDate } from './business-days.js';

const at = (iso: string, time = '09:30:00') => new Date(`${iso}T${time}Z`);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** Brute force: walk the days one by one. */
function countBusinessDays(from: Date, to: string): number {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.parse(`${to}T00:00:00Z`);
  const step = end >= start ? 1 : -1;
  let count = 0;
  for (let t = start; t !== end; t += step * 86_400_000) {
    const day = new Date(step > 0 ? t + 86_400_000 : t);
    if (!isWeekend(day)) count += step;
  }
  return count;
}

describe('business days', () => {
  it.each([
    ['2025-03-03', '2025-03-10', 5], // Monday → next Monday
    ['2025-03-07', '2025-03-10', 1], // Friday → Monday
    ['2025-03-08', '2025-03-10', 1], // Saturday → Monday
    ['2025-03-08', '2025-03-09', 0], // Saturday → Sunday
    ['2025-03-03', '2025-03-03', 0], // same day
    ['2025-03-03', '2025-03-04', 1],
    ['2025-03-10', '2025-03-03', -5], // in the past
    ['2025-02-28', '2025-03-31', 21],
  ])('from %s to %s is %i', (from, to, expected) => {
    expect(businessDaysBetween(at(from), to)).toBe(expected);
  });

  it('counts the UTC date of the instant, not the server clock', () => {
    expect(businessDaysBetween(at('2025-03-07', '23:59:59'), '2025-03-10')).toBe(1);
    expect(businessDaysBetween(at('2025-03-08', '00:00:01'), '2025-03-10')).toBe(1);
  });

  it.each([
    ['2025-03-03', 5, '2025-03-10'],
    ['2025-03-07', 1, '2025-03-10'],
    ['2025-03-08', 1, '2025-03-10'],
    ['2025-03-09', 0, '2025-03-09'],
    ['2025-03-10', -1, '2025-03-07'],
    ['2025-03-03', 15, '2025-03-24'],
  ])('%s plus %i business days is %s, at the same time of day', (from, days, expected) => {
    const result = addBusinessDaysTo(at(from), days);
    expect(toIsoDate(result)).toBe(expected);
    expect(result.toISOString().slice(11)).toBe('09:30:00.000Z');
    expect(businessDateAfter(at(from), days)).toBe(expected);
  });

  it('agrees with counting day by day, and adding n then counting gives n back', () => {
    const day = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t));
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), (from, offset) => {
        const to = toIsoDate(new Date(from.getTime() + offset * 86_400_000));
        expect(businessDaysBetween(from, to)).toBe(countBusinessDays(from, to));
      }),
    );
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (from, n) => {
        const later = addBusinessDaysTo(from, n);
        expect(isWeekend(later)).toBe(false);
        expect(businessDaysBetween(from, toIsoDate(later))).toBe(n);
      }),
    );
  });

  it('reads only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('28/02/2025')).toBe(false);
    expect(() => parseIsoDate('tomorrow')).toThrow(/not a date/);
  });
});
