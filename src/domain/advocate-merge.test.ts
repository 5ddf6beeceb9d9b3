import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findMergedRecordProblems,
  findMergeRefusals,
  laterDate,
  mergeWillingness,
  resolveAdvocateMerge,
  unionKeys,
  type MergeableAdvocate,
} from './advocate-merge.js';

const base = (overrides: Partial<MergeableAdvocate> = {}): MergeableAdvocate => ({
  accountId: 'acc-1',
  firstName: 'Dana',
  lastName: 'Okafor',
  email: null,
  phone: null,
  title: null,
  seniorityKey: null,
  functionKey: null,
  orientation: null,
  country: null,
  timeZone: null,
  languageKeys: [],
  topicKeys: [],
  useCaseKeys: [],
  productKeys: [],
  storySituation: null,
  storySolution: null,
  storyOutcomes: null,
  personalityNotes: null,
  willingness: {},
  personalCap: null,
  status: 'nominated',
  consent: null,
  lastVerifiedAt: null,
  points: 0,
  crmId: null,
  ...overrides,
});

describe('advocate merge rules', () => {
  it('keeps the survivor’s values and fills its empty fields from the duplicate', () => {
    const survivor = base({ title: 'VP Data', country: null, storyOutcomes: '  ' });
    const duplicate = base({ title: 'Director', country: 'GB', storyOutcomes: 'Cut close from 9 days to 2.' });
    const { merged, sources } = resolveAdvocateMerge(survivor, duplicate);
    expect(merged.title).toBe('VP Data');
    expect(merged.country).toBe('GB');
    expect(merged.storyOutcomes).toBe('Cut close from 9 days to 2.');
    expect(sources).toMatchObject({ title: 'survivor', country: 'duplicate', storyOutcomes: 'duplicate' });
  });

  it('follows the admin’s choice per field, even to an empty value', () => {
    const { merged } = resolveAdvocateMerge(base({ title: 'VP Data', phone: '+44 1' }), base({ title: 'Director', phone: null }), { title: 'duplicate', phone: 'duplicate' });
    expect(merged.title).toBe('Director');
    expect(merged.phone).toBeNull();
  });

  it('unions facets, keeps the more willing answer, the later verification and the sum of points', () => {
    const survivor = base({ topicKeys: ['security', 'roi'], languageKeys: ['en'], willingness: { reference_call: 'no', case_study: 'yes' }, lastVerifiedAt: new Date('2025-01-01'), points: 30 });
    const duplicate = base({ topicKeys: ['roi', 'migration'], languageKeys: ['fr'], willingness: { reference_call: 'ask_first', case_study: 'no', webinar: 'yes' }, lastVerifiedAt: new Date('2025-06-01'), points: 12 });
    const { merged } = resolveAdvocateMerge(survivor, duplicate);
    expect(merged.topicKeys).toEqual(['security', 'roi', 'migration']);
    expect(merged.languageKeys).toEqual(['en', 'fr']);
    expect(merged.willingness).toEqual({ reference_call: 'ask_first', case_study: 'yes', webinar: 'yes' });
    expect(merged.lastVerifiedAt?.toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(merged.points).toBe(42);
  });

  it('keeps the survivor’s consent unless it has none', () => {
    const consent = { at: '2026-01-01T00:00:00Z', method: 'form', scope: ['reference_call'] };
    const other = { at: '2025-01-01T00:00:00Z', method: 'call', scope: ['webinar'] };
    expect(resolveAdvocateMerge(base({ consent }), base({ consent: other })).merged.consent).toBe(consent);
    expect(resolveAdvocateMerge(base({ consent: null }), base({ consent: other })).merged.consent).toBe(other);
  });

  it('drops the duplicate’s e-mail when the survivor has one, and names what it dropped', () => {
    const result = resolveAdvocateMerge(base({ email: 'dana@a.example', crmId: 'CRM-1' }), base({ email: 'd.okafor@a.example', phone: '+44 20', crmId: 'CRM-2' }));
    expect(result.merged.email).toBe('dana@a.example');
    expect(result.merged.phone).toBe('+44 20');
    expect(result.dropped).toEqual(['email', 'crmId']);
    expect(resolveAdvocateMerge(base({ email: 'Dana@a.example' }), base({ email: 'dana@a.example' })).dropped).toEqual([]);
  });

  it('refuses merging an advocate with itself, or across accounts unless allowed', () => {
    expect(findMergeRefusals({ id: 'x', accountId: 'a' }, { id: 'x', accountId: 'a' })[0]?.reason).toMatch(/itself/);
    expect(findMergeRefusals({ id: 'x', accountId: 'a' }, { id: 'y', accountId: 'b' })[0]?.field).toBe('duplicateId');
    expect(findMergeRefusals({ id: 'x', accountId: 'a' }, { id: 'y', accountId: 'b' }, { allowDifferentAccounts: true })).toEqual([]);
    expect(findMergeRefusals({ id: 'x', accountId: 'a' }, { id: 'y', accountId: 'a' })).toEqual([]);
  });

  it('flags an active merged record without consent', () => {
    expect(findMergedRecordProblems({ status: 'active', consent: null })).toHaveLength(1);
    expect(findMergedRecordProblems({ status: 'active', consent: { at: 'x' } })).toEqual([]);
    expect(findMergedRecordProblems({ status: 'paused', consent: null })).toEqual([]);
  });

  it('helpers: union keeps order and uniqueness, later date handles nulls', () => {
    expect(unionKeys(['a', 'b'], ['b', 'c', 'a'])).toEqual(['a', 'b', 'c']);
    expect(laterDate(null, null)).toBeNull();
    const d = new Date('2024-01-01');
    expect(laterDate(d, null)).toBe(d);
    expect(laterDate(null, d)).toBe(d);
  });

  it('property: merging never loses a facet value or a "yes", and points add up', () => {
    const keys = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 5 });
    const willing = fc.dictionary(fc.constantFrom('call', 'webinar', 'quote'), fc.constantFrom('yes' as const, 'ask_first' as const, 'no' as const));
    fc.assert(
      fc.property(keys, keys, willing, willing, fc.nat(1000), fc.nat(1000), (t1, t2, w1, w2, p1, p2) => {
        const { merged } = resolveAdvocateMerge(base({ topicKeys: t1, willingness: w1, points: p1 }), base({ topicKeys: t2, willingness: w2, points: p2 }));
        for (const k of [...t1, ...t2]) expect(merged.topicKeys).toContain(k);
        expect(new Set(merged.topicKeys).size).toBe(merged.topicKeys.length);
        for (const [activity, answer] of [...Object.entries(w1), ...Object.entries(w2)]) if (answer === 'yes') expect(merged.willingness[activity]).toBe('yes');
        expect(merged.points).toBe(p1 + p2);
        expect(mergeWillingness(w1, w2)).toEqual(merged.willingness);
      }),
    );
  });
});
