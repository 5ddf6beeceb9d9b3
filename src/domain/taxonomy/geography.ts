import type { Countries } from 'world-countries';
import worldCountries from 'world-countries/countries.json' with { type: 'json' };
import ISO6391 from 'iso-639-1';
import type { TaxonomyValue } from './types.js';

/**
 * ISO 3166-1 countries with their UN region and sub-region, and ISO 639-1 languages.
 * Kept in the domain as plain data so matching can reason about "same region".
 */
export interface CountryFacts {
  code: string;
  name: string;
  region: string;
  subregion: string;
}

// The data file itself: the package's ESM entry re-exports JSON without an import attribute,
// which Node refuses.
const countries = worldCountries as unknown as Countries;

export const COUNTRIES: CountryFacts[] = countries
  .filter((c) => /^[A-Z]{2}$/.test(c.cca2))
  .map((c) => ({ code: c.cca2, name: c.name.common, region: c.region || 'Other', subregion: c.subregion || c.region || 'Other' }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'));

const byCode = new Map(COUNTRIES.map((c) => [c.code, c]));

export function countryFacts(code: string): CountryFacts | undefined {
  return byCode.get(code.toUpperCase());
}

export function defaultCountries(): TaxonomyValue[] {
  return COUNTRIES.map((c, i) => ({
    facet: 'country',
    key: c.code,
    label: c.name,
    sortOrder: i,
    attributes: { region: c.region, subregion: c.subregion },
  }));
}

export function defaultLanguages(): TaxonomyValue[] {
  return ISO6391.getAllCodes()
    .map((code) => ({ code, name: ISO6391.getName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'))
    .map((l, i) => ({ facet: 'language', key: l.code, label: l.name, sortOrder: i, attributes: { nativeName: ISO6391.getNativeName(l.code) } }));
}
