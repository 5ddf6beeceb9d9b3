import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CRITERION_KINDS, type Criterion } from '../requests/criteria.js';
import { criterionMet } from './criteria-match.js';
import { evaluateHardRules, HARD_RULES, type HardRule } from './hard-rules.js';
import { TEST_CAPS, TEST_TAXONOMY, TEST_TODAY, testFacts, testRequest } from './fixtures.js';
import type { CandidateFacts, MatchRequest } from './types.js';

const context = { today: TEST_TODAY, caps: TEST_CAPS, weight: 1, activityNoun: 'reference calls', taxonomy: TEST_TAXONOMY };
const failing = (facts: CandidateFacts, request: MatchRequest = testRequest()) =>
  evaluateHardRules(facts, request, context).checks.filter((c) => !c.passed).map((c) => c.rule);

describe('hard rules', () => {
  it('lets a fitting advocate through and reports every rule by name', () => {
    const result = evaluateHardRules(testFacts(), testRequest(), context);
    expect(result.passed).toBe(true);
    expect(result.checks.map((c) => c.rule)).toEqual(HARD_RULES.filter((r) => r !== 'must_have'));
    expect(result.checks.every((c) => c.label && c.detail)).toBe(true);
  });

  const cases: [string, HardRule, CandidateFacts, MatchRequest?][] = [
    ['a paused advocate', 'active', testFacts({ status: 'paused' })],
    ['an advocate who said no', 'willing', testFacts({ willingness: { reference_call: 'no' } })],
    ['a blackout from before today into the window', 'available', testFacts({ blackouts: [{ startsOn: '2026-11-01', endsOn: '2026-11-10' }] })],
    ['a blackout ending on the needed-by date', 'available', testFacts({ blackouts: [{ startsOn: '2026-12-01', endsOn: '2026-12-24' }] })],
    ['six units used this year', 'advocate_cap', testFacts({ advocateUses: [1, 2, 3, 4, 5, 6].map((m) => ({ occursOn: `2026-0${m}-01`, weight: 1 })) })],
    ['a personal cap of one, used', 'advocate_cap', testFacts({ personalCap: 1, advocateUses: [{ occursOn: '2026-03-01', weight: 1 }] })],
    ['an account at its cap', 'account_cap', testFacts({ accountUses: [{ occursOn: '2026-05-01', weight: 2 }] }, { usageCap: 2 })],
    ['a use a week before the date', 'rest_period', testFacts({ advocateUses: [{ occursOn: '2026-11-24', weight: 1 }], accountUses: [{ occursOn: '2026-11-24', weight: 1 }] })],
    ['a use planned a week after the date', 'rest_period', testFacts({ advocateUses: [{ occursOn: '2026-12-08', weight: 1 }], accountUses: [{ occursOn: '2026-12-08', weight: 1 }] })],
    ['a restricted account', 'referenceable', testFacts({}, { referenceStatus: 'restricted', restrictionReason: 'Renewal under negotiation' })],
    ['a competitor of the prospect', 'not_competitor', testFacts(), testRequest({ excludedAccountIds: ['00000000-0000-4000-8000-0000000000a1'] })],
    ['an advocate already used on the opportunity', 'not_used_on_opportunity', testFacts({ usedOnOpportunity: true })],
    ['a missing must-have', 'must_have', testFacts(), testRequest({ criteria: [{ kind: 'country', values: ['DE'], mustHave: true }] })],
  ];
  it.each(cases)('refuses %s by exactly that rule', (_name, rule, facts, request) => {
    expect(failing(facts, request)).toEqual([rule]);
  });

  it('allows "ask first" and says so', () => {
    const result = evaluateHardRules(testFacts({ willingness: {} }), testRequest(), context);
    expect(result.passed).toBe(true);
    expect(result.willingness).toBe('ask_first');
    expect(result.checks.find((c) => c.rule === 'willing')?.detail).toBe('Wants to be asked first for reference calls');
  });

  it('ignores blackouts outside [today, needed-by] and uses far from the date', () => {
    const facts = testFacts({
      blackouts: [
        { startsOn: '2026-10-01', endsOn: '2026-11-09' },
        { startsOn: '2026-12-02', endsOn: '2026-12-30' },
      ],
      advocateUses: [{ occursOn: '2025-06-01', weight: 5 }],
      accountUses: [{ occursOn: '2025-06-01', weight: 5 }],
    });
    expect(failing(facts)).toEqual([]);
  });

  it('shows why a restricted account is excluded', () => {
    const check = evaluateHardRules(testFacts({}, { referenceStatus: 'restricted', restrictionReason: 'Open support escalation' }), testRequest(), context).checks.find(
      (c) => c.rule === 'referenceable',
    );
    expect(check?.detail).toBe('The account is restricted: Open support escalation');
  });

  it('checks only must-haves as rules: a missed nice-to-have never excludes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CRITERION_KINDS), fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), (kind, values) => {
        const request = testRequest({ criteria: [{ kind, values, mustHave: false }] });
        expect(evaluateHardRules(testFacts(), request, context).passed).toBe(true);
      }),
    );
  });

  it('passes exactly when every check passes, with one must-have check per must-have criterion', () => {
    const criterion = fc.record({ kind: fc.constantFrom(...CRITERION_KINDS), values: fc.subarray(['banking', 'financial_services', 'FR', 'DE', 'Europe', 'fr', 'insights_cloud', 'security', 'vp', 'it', 'technical', 'employees_1000']), mustHave: fc.boolean() });
    fc.assert(
      fc.property(fc.array(criterion, { maxLength: 4 }), fc.constantFrom('active', 'paused'), (criteria: Criterion[], status) => {
        const result = evaluateHardRules(testFacts({ status }), testRequest({ criteria }), context);
        expect(result.passed).toBe(result.checks.every((c) => c.passed));
        expect(result.checks.filter((c) => c.rule === 'must_have')).toHaveLength(criteria.filter((c) => c.mustHave && c.values.length > 0).length);
      }),
    );
  });
});

describe('criteria', () => {
  const facts = testFacts();
  const met = (kind: Criterion['kind'], values: string[]) => criterionMet({ kind, values, mustHave: true }, facts, TEST_TAXONOMY);
  it('reads each kind from the advocate or the account', () => {
    expect(met('industry', ['banking'])).toBe(true);
    expect(met('industry', ['financial_services'])).toBe(true);
    expect(met('industry', ['insurance'])).toBe(false);
    expect(met('sector', ['financial_services'])).toBe(true);
    expect(met('sector', ['information_technology'])).toBe(false);
    expect(met('country', ['FR', 'DE'])).toBe(true);
    expect(met('region', ['Europe'])).toBe(true);
    expect(met('region', ['western europe'])).toBe(true);
    expect(met('region', ['Asia'])).toBe(false);
    expect(met('language', ['fr'])).toBe(true);
    expect(met('product', ['data_pipelines'])).toBe(false);
    expect(met('use_case', ['data_integration'])).toBe(true);
    expect(met('topic', ['security', 'roi'])).toBe(true);
    expect(met('seniority', ['c_level'])).toBe(false);
    expect(met('function', ['it'])).toBe(true);
    expect(met('orientation', ['business'])).toBe(false);
    expect(met('company_size', ['employees_5000'])).toBe(true);
    expect(met('company_size', ['employees_1000'])).toBe(false);
    expect(met('topic', [])).toBe(true);
  });
});
