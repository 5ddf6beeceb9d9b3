import { describe, expect, it } from 'vitest';
import { TEST_TAXONOMY } from './fixtures.js';
import { describeRelaxations } from './relaxations.js';

const context = { taxonomy: TEST_TAXONOMY, activityNoun: 'reference calls', neededBy: '2026-12-01', restDays: 14, restrictionReasons: ['Renewal under negotiation'], passingCount: 0 };

describe('relaxations', () => {
  it('suggests the region when a country has no match but its region does', () => {
    const [relaxation] = describeRelaxations(
      [{ rule: 'must_have', criterion: { kind: 'country', values: ['FR'], mustHave: true }, extraCandidates: 9, widened: { values: ['Europe'], extraCandidates: 4 } }],
      context,
    );
    expect(relaxation).toEqual({
      kind: 'must_have:country',
      label: 'Must have: country France',
      extraCandidates: 9,
      suggestion: 'No match in France; 4 more in Europe: ask for the region instead.',
    });
  });

  it('suggests the sector for an industry, and a nice-to-have otherwise', () => {
    const out = describeRelaxations(
      [
        { rule: 'must_have', criterion: { kind: 'industry', values: ['banking'], mustHave: true }, extraCandidates: 3, widened: { values: ['financial_services'], extraCandidates: 2 } },
        { rule: 'must_have', criterion: { kind: 'topic', values: ['security'], mustHave: true }, extraCandidates: 1 },
      ],
      context,
    );
    expect(out.map((r) => r.suggestion)).toEqual([
      'No match in Banking; 2 more in Financial services: ask for the sector instead.',
      'Make topic Security a nice-to-have: 1 more advocate would qualify.',
    ]);
  });

  it('says how many match already when some do', () => {
    const [relaxation] = describeRelaxations(
      [{ rule: 'must_have', criterion: { kind: 'country', values: ['DE'], mustHave: true }, extraCandidates: 3, widened: { values: ['Europe'], extraCandidates: 3 } }],
      { ...context, passingCount: 1 },
    );
    expect(relaxation?.suggestion).toBe('Only 1 in Germany; 3 more in Europe: ask for the region instead.');
  });

  it('leaves out rules whose relaxation yields nobody, and puts the most productive first', () => {
    const out = describeRelaxations(
      [
        { rule: 'available', extraCandidates: 2 },
        { rule: 'referenceable', extraCandidates: 5 },
        { rule: 'rest_period', extraCandidates: 0 },
      ],
      context,
    );
    expect(out.map((r) => r.kind)).toEqual(['referenceable', 'available']);
    expect(out[0]?.suggestion).toBe('5 advocates at restricted accounts (Renewal under negotiation); their relationship owner may make an exception.');
    expect(out[1]?.suggestion).toBe('2 advocates are away before 2026-12-01; a later needed-by date may find them free.');
  });
});
