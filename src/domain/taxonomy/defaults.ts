import { defaultCountries, defaultLanguages } from './geography.js';
import { defaultIndustries } from './industries.js';
import { defaultProgramFacets } from './program-facets.js';
import type { TaxonomyValue } from './types.js';

/** Every facet's default values, as a new installation starts with them. */
export function defaultTaxonomy(): TaxonomyValue[] {
  return [...defaultIndustries(), ...defaultCountries(), ...defaultLanguages(), ...defaultProgramFacets()];
}
