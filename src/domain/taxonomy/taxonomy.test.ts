import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from './defaults.js';
import { countryFacts } from './geography.js';
import { bandFor, COMPANY_SIZE_BANDS, REVENUE_BANDS } from './program-facets.js';
import { FACETS, toKey } from './types.js';

describe('default taxonomy', () => {
  const values = defaultTaxonomy();
  it('covers every facet with unique keys per facet', () => {
    for (const facet of FACETS) {
      const keys = values.filter((v) => v.facet === facet).map((v) => v.key);
      expect(keys.length, facet).toBeGreaterThan(2);
      expect(new Set(keys).size, facet).toBe(keys.length);
    }
  });
  it('has a two-level industry classification whose parents exist', () => {
    const industries = values.filter((v) => v.facet === 'industry');
    const sectors = new Set(industries.filter((v) => !v.parentKey).map((v) => v.key));
    const children = industries.filter((v) => v.parentKey);
    expect(sectors.size).toBeGreaterThanOrEqual(11);
    expect(children.length).toBeGreaterThan(50);
    for (const child of children) expect(sectors.has(child.parentKey ?? ''), child.key).toBe(true);
  });
  it('lists ISO 3166-1 countries with UN regions, and ISO 639-1 languages', () => {
    expect(values.filter((v) => v.facet === 'country').length).toBeGreaterThanOrEqual(245);
    expect(countryFacts('fr')).toMatchObject({ name: 'France', region: 'Europe', subregion: 'Western Europe' });
    expect(countryFacts('JP')?.region).toBe('Asia');
    expect(values.find((v) => v.facet === 'language' && v.key === 'de')?.label).toBe('German');
  });
  it('gives every activity type a weight and the teams that usually ask', () => {
    const call = values.find((v) => v.facet === 'activity_type' && v.key === 'reference_call');
    expect(call?.attributes).toEqual({ weight: 1, teams: ['sales'] });
    const caseStudy = values.find((v) => v.facet === 'activity_type' && v.key === 'case_study');
    expect((caseStudy?.attributes?.weight as number) > 1).toBe(true);
  });
});

describe('bands', () => {
  it('places sizes and revenues in exactly one band, edges included', () => {
    expect(bandFor(COMPANY_SIZE_BANDS, 'employees', 50)).toBe('employees_1');
    expect(bandFor(COMPANY_SIZE_BANDS, 'employees', 100)).toBe('employees_100');
    expect(bandFor(COMPANY_SIZE_BANDS, 'employees', 200_000)).toBe('employees_50000');
    expect(bandFor(REVENUE_BANDS, 'revenue', 9_999_999)).toBe('revenue_0');
    expect(bandFor(REVENUE_BANDS, 'revenue', 1e9)).toBe('revenue_1000000000');
    expect(bandFor(COMPANY_SIZE_BANDS, 'employees', null)).toBeNull();
  });
});

describe('toKey', () => {
  it('makes stable ASCII keys from labels', () => {
    expect(toKey('Hotels, Restaurants & Leisure')).toBe('hotels_restaurants_and_leisure');
    expect(toKey('Société Générale')).toBe('societe_generale');
  });
});
