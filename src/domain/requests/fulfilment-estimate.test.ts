import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeFulfilmentEstimate, estimateFulfilment, median, type FulfilmentSample } from './fulfilment-estimate.js';

const samples = (activityTypeKey: string, region: string | null, days: number[]): FulfilmentSample[] =>
  days.map((businessDays) => ({ activityTypeKey, region, businessDays }));

describe('fulfilment estimate', () => {
  const history = [
    ...samples('reference_call', 'europe', [4, 6, 8, 5, 7]),
    ...samples('reference_call', 'americas', [2, 3]),
    ...samples('site_visit', 'europe', [20, 25, 15]),
  ];

  it('uses the same activity type and region when it has enough history', () => {
    expect(estimateFulfilment(history, 'reference_call', 'europe')).toEqual({ medianBusinessDays: 6, sampleSize: 5, basis: 'type_and_region' });
  });

  it('falls back to the activity type, then to everything', () => {
    expect(estimateFulfilment(history, 'reference_call', 'americas')).toEqual({ medianBusinessDays: 5, sampleSize: 7, basis: 'type' });
    expect(estimateFulfilment(history, 'reference_call', null)).toMatchObject({ basis: 'type', sampleSize: 7 });
    expect(estimateFulfilment(history, 'site_visit', 'europe')).toEqual({ medianBusinessDays: 6.5, sampleSize: 10, basis: 'all' });
  });

  it('says nothing rather than guess from too little history', () => {
    expect(estimateFulfilment(history.slice(0, 4), 'reference_call', 'europe')).toBeNull();
    expect(estimateFulfilment([], 'reference_call', 'europe')).toBeNull();
    expect(estimateFulfilment(history.slice(0, 4), 'reference_call', 'europe', 2)).toMatchObject({ basis: 'type_and_region', sampleSize: 4, medianBusinessDays: 5.5 });
  });

  it('ignores impossible samples', () => {
    const noisy = [...history, ...samples('reference_call', 'europe', [-3, Number.NaN])];
    expect(estimateFulfilment(noisy, 'reference_call', 'europe')).toMatchObject({ sampleSize: 5, medianBusinessDays: 6 });
  });

  it('median: half the values are at or below it, half at or above', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 50 }), (values) => {
        const m = median(values);
        expect(values.filter((v) => v <= m).length * 2).toBeGreaterThanOrEqual(values.length);
        expect(values.filter((v) => v >= m).length * 2).toBeGreaterThanOrEqual(values.length);
      }),
    );
  });

  it('reads as a sentence', () => {
    const labels = { activityPlural: 'reference calls', region: 'Europe' };
    expect(describeFulfilmentEstimate(estimateFulfilment(history, 'reference_call', 'europe'), labels)).toBe(
      'Similar requests (reference calls in Europe) took a median of 6 business days (5 requests).',
    );
    expect(describeFulfilmentEstimate(estimateFulfilment(history, 'site_visit', 'europe'), labels)).toMatch(/\(all kinds of reference\) took a median of 6\.5 business days \(10 requests\)/);
    expect(describeFulfilmentEstimate(null, labels)).toMatch(/Not enough fulfilled requests yet/);
  });
});
