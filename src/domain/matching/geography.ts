import type { Countries } from 'world-countries';
import worldCountries from 'world-countries/countries.json' with { type: 'json' };
import ISO6391 from 'iso-639-1';
import { countryFacts } from '../taxonomy/geography.js';

/**
 * Geography as matching sees it: a country's region and sub-region (UN, from the taxonomy's
 * country data) and the languages spoken there (ISO 639-1, where the language has a code).
 */
const countries = worldCountries as unknown as Countries;
const languagesByCountry = new Map<string, string[]>(
  countries.map((c) => [c.cca2, Object.values(c.languages ?? {}).flatMap((name) => (ISO6391.getCode(name) ? [ISO6391.getCode(name)] : []))]),
);

/** ISO 639-1 codes of the languages spoken in a country (empty when unknown). */
export function countryLanguages(country: string | null | undefined): string[] {
  return country ? (languagesByCountry.get(country.toUpperCase()) ?? []) : [];
}

export type GeoCloseness = 'same_country' | 'same_subregion' | 'same_region' | 'shared_language' | 'far';

/** How close an advocate's country (and languages) is to a prospect's country. */
export function geoCloseness(advocateCountry: string | null, advocateLanguages: readonly string[], prospectCountry: string): GeoCloseness {
  if (advocateCountry && advocateCountry.toUpperCase() === prospectCountry.toUpperCase()) return 'same_country';
  const mine = advocateCountry ? countryFacts(advocateCountry) : undefined;
  const theirs = countryFacts(prospectCountry);
  if (mine && theirs && mine.subregion === theirs.subregion) return 'same_subregion';
  if (mine && theirs && mine.region === theirs.region) return 'same_region';
  const spoken = countryLanguages(prospectCountry);
  if (advocateLanguages.some((l) => spoken.includes(l))) return 'shared_language';
  return 'far';
}

/** Does a country lie in one of the named regions or sub-regions (case-insensitive)? */
export function countryInRegions(country: string | null, regions: readonly string[]): boolean {
  const facts = country ? countryFacts(country) : undefined;
  if (!facts) return false;
  const wanted = regions.map((r) => r.toLowerCase());
  return wanted.includes(facts.region.toLowerCase()) || wanted.includes(facts.subregion.toLowerCase());
}

export function countryName(country: string): string {
  return countryFacts(country)?.name ?? country;
}
