import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAM_POLICY, MATCHING_FACTORS } from '../requests/program-policy.js';
import { TEST_TAXONOMY, TEST_TODAY, testFacts, testRequest } from './fixtures.js';
import { factorShares, scoreCandidate, type ScoreContext } from './score.js';
import type { CandidateFacts, MatchRequest } from './types.js';

const context: ScoreContext = {
  today: TEST_TODAY,
  weights: DEFAULT_PROGRAM_POLICY.matchingWeights,
  taxonomy: TEST_TAXONOMY,
  advocateUsed: 0,
  advocateCap: 6,
  windowDays: 365,
  staleAfterMonths: 12,
};
const score = (facts: CandidateFacts, request: MatchRequest = testRequest(), ctx: Partial<ScoreContext> = {}) => scoreCandidate(facts, request, { ...context, ...ctx });
const factor = (facts: CandidateFacts, name: string, request?: MatchRequest) => score(facts, request).factors.find((f) => f.factor === name);

const TOPICS = ['security', 'migration', 'roi', 'analytics', 'implementation'];
const factsArbitrary = fc.record({
  seniorityKey: fc.constantFrom('c_level', 'vp', 'director', 'manager', 'individual_contributor'),
  country: fc.constantFrom('FR', 'DE', 'US', 'JP', 'BE'),
  topicKeys: fc.subarray(TOPICS),
  productKeys: fc.subarray(['insights_cloud', 'data_pipelines']),
  industryKey: fc.constantFrom('banking', 'insurance', 'software'),
  employeeCount: fc.integer({ min: 1, max: 300_000 }),
  verifiedMonthsAgo: fc.option(fc.integer({ min: 0, max: 60 })),
  asked: fc.nat(10),
  accepted: fc.nat(10),
});
type FactsInput = typeof factsArbitrary extends fc.Arbitrary<infer T> ? T : never;
const toFacts = (f: FactsInput): CandidateFacts =>
  testFacts(
    {
      seniorityKey: f.seniorityKey,
      country: f.country,
      topicKeys: f.topicKeys,
      productKeys: f.productKeys,
      lastVerifiedAt: f.verifiedMonthsAgo === null ? null : new Date(Date.parse(`${TEST_TODAY}T00:00:00Z`) - f.verifiedMonthsAgo * 30.44 * 86_400_000).toISOString(),
      history: { asked: f.asked, accepted: Math.min(f.asked, f.accepted), rated: 0, metNeeds: 0 },
    },
    { industryKey: f.industryKey, employeeCount: f.employeeCount },
  );

describe('the explained score', () => {
  it('stays within 0–100, is the sum of its contributions, and each factor within its share', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.subarray(TOPICS), (f, topics) => {
        const result = score(toFacts(f), testRequest({ topicKeys: topics }));
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        const sum = result.factors.reduce((s, x) => s + x.contribution, 0);
        expect(Math.abs(sum - result.score)).toBeLessThanOrEqual(1);
        for (const x of result.factors) {
          expect(x.contribution).toBeLessThanOrEqual(x.maximum + 1e-9);
          expect(x.detail.length).toBeGreaterThan(0);
        }
        expect(result.factors.reduce((s, x) => s + x.maximum, 0)).toBeCloseTo(100, 0);
      }),
    );
  });

  it('never drops when the advocate covers one more of the prospect’s topics', () => {
    fc.assert(
      fc.property(factsArbitrary, fc.constantFrom(...TOPICS), (f, extra) => {
        const request = testRequest({ topicKeys: TOPICS });
        const before = score(toFacts(f), request).score;
        const after = score(toFacts({ ...f, topicKeys: [...new Set([...f.topicKeys, extra])] }), request).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it('scores only the factors a request asks about', () => {
    const bare = testRequest({ prospect: {}, topicKeys: [] });
    expect(score(testFacts(), bare).factors.map((f) => f.factor)).toEqual(['freshness', 'load', 'track_record']);
    expect(score(testFacts()).factors.map((f) => f.factor)).toEqual([...MATCHING_FACTORS]);
    expect(Object.values(factorShares(bare, { ...context.weights, freshness: 0, load: 0, track_record: 0 })).every((s) => s === 0)).toBe(true);
  });

  it('ranks industry as same > same sector > other', () => {
    const industry = (key: string) => factor(testFacts({}, { industryKey: key }), 'industry');
    expect(industry('banking')?.detail).toBe('Same industry as the prospect: Banking');
    expect(industry('insurance')?.detail).toBe('Same sector as the prospect: Financial services (insurance)');
    expect(industry('banking')!.contribution).toBeGreaterThan(industry('insurance')!.contribution);
    expect(industry('insurance')!.contribution).toBeGreaterThan(industry('software')!.contribution);
  });

  it('gives a VP a peer first, then someone more senior, then juniors', () => {
    const persona = (key: string) => factor(testFacts({ seniorityKey: key }), 'persona')!.contribution;
    expect(persona('vp')).toBeGreaterThan(persona('c_level'));
    expect(persona('c_level')).toBeGreaterThan(persona('director'));
    expect(persona('director')).toBeGreaterThan(persona('manager'));
    expect(factor(testFacts(), 'persona')?.detail).toBe('VP, a peer of the prospect’s VP; same function (it)');
  });

  it('measures scale on a log scale', () => {
    const scale = (employees: number) => factor(testFacts({}, { employeeCount: employees, annualRevenueUsd: null }), 'scale')!.contribution;
    expect(scale(4_000)).toBeGreaterThan(scale(40_000));
    expect(scale(40_000)).toBeGreaterThan(scale(400_000));
    expect(scale(400)).toBeCloseTo(scale(40_000), 5);
  });

  it('prefers the same country, then the neighbours, then the region, then a shared language', () => {
    const geo = (country: string, languages = ['en']) => factor(testFacts({ country, languageKeys: languages }), 'geography')!.contribution;
    expect(geo('FR')).toBeGreaterThan(geo('BE'));
    expect(geo('BE')).toBeGreaterThan(geo('ES'));
    expect(geo('ES')).toBeGreaterThan(geo('CA', ['en', 'fr']));
    expect(geo('CA', ['en', 'fr'])).toBeGreaterThan(geo('JP'));
  });

  it('gives a met nice-to-have its factor’s full marks', () => {
    const request = testRequest({ criteria: [{ kind: 'region', values: ['Asia'], mustHave: false }] });
    const geography = factor(testFacts({ country: 'JP' }), 'geography', request)!;
    expect(geography.contribution).toBe(geography.maximum);
    expect(geography.detail).toBe('In the wanted region Asia');
  });

  it('is neutral on track record without history, and follows it with history', () => {
    const track = (history: CandidateFacts['history']) => factor(testFacts({ history }), 'track_record')!;
    const none = track({ asked: 0, accepted: 0, rated: 0, metNeeds: 0 });
    expect(none.detail).toBe('No history yet (neutral)');
    expect(none.contribution).toBeCloseTo(none.maximum / 2, 1);
    expect(track({ asked: 4, accepted: 4, rated: 3, metNeeds: 3 }).contribution).toBeGreaterThan(none.contribution);
    expect(track({ asked: 4, accepted: 0, rated: 2, metNeeds: 0 }).contribution).toBeLessThan(none.contribution);
  });

  it('prefers fresh profiles and rested advocates', () => {
    expect(factor(testFacts({ lastVerifiedAt: '2026-09-01T00:00:00Z' }), 'freshness')!.contribution).toBeGreaterThan(
      factor(testFacts({ lastVerifiedAt: '2025-06-01T00:00:00Z' }), 'freshness')!.contribution,
    );
    expect(factor(testFacts({ lastVerifiedAt: null }), 'freshness')!.contribution).toBe(0);
    const load = (used: number, lastUsedOn: string | null) => score(testFacts({ lastUsedOn }), testRequest(), { advocateUsed: used }).factors.find((f) => f.factor === 'load')!.contribution;
    expect(load(0, null)).toBeGreaterThan(load(2, '2026-06-01'));
    expect(load(2, '2026-06-01')).toBeGreaterThan(load(2, '2026-11-01'));
    expect(load(2, '2026-11-01')).toBeGreaterThan(load(5, '2026-11-01'));
  });
});
