import { COMPANY_SIZE_BANDS } from '../taxonomy/program-facets.js';
import { countriesInRegions, type AdvocateFilters, type SearchFacet } from './advocate-filters.js';
import {
  countryFromValueId,
  countryValueId,
  FRESHNESS_VALUES,
  ORIENTATION_VALUES,
  REFERENCE_STATUS_VALUES,
  STATUS_VALUES,
  type FacetCodeFilters,
} from './facet-codes.js';

/** A taxonomy value as the dictionary needs it. */
export interface CodedTaxonomyValue {
  code: number;
  facet: string;
  key: string;
  parentKey: string | null;
}

/** Search facets whose values are taxonomy keys, with the taxonomy facet that holds them. */
const TAXONOMY_FACETS: Partial<Record<SearchFacet, string>> = {
  industry: 'industry',
  seniority: 'seniority',
  function: 'function',
  topic: 'topic',
  useCase: 'use_case',
  product: 'product',
  language: 'language',
  activityType: 'activity_type',
};

const positional = (values: readonly string[]) => ({
  id: (key: string) => values.indexOf(key) + 1,
  key: (id: number) => values[id - 1] ?? null,
});

const FIXED: Partial<Record<SearchFacet, ReturnType<typeof positional>>> = {
  status: positional(STATUS_VALUES),
  orientation: positional(ORIENTATION_VALUES),
  referenceStatus: positional(REFERENCE_STATUS_VALUES),
  companySize: positional(COMPANY_SIZE_BANDS.map((band) => `employees_${band.min}`)),
  freshness: positional(FRESHNESS_VALUES),
};

export const COMPANY_SIZE_MINS = COMPANY_SIZE_BANDS.map((band) => band.min);

/** Translates between facet keys and the value ids of the binary facet records. */
export class FacetDictionary {
  private readonly idByKey = new Map<string, number>();
  private readonly keyById = new Map<string, string>();
  private readonly childrenOf = new Map<string, string[]>();

  constructor(values: readonly CodedTaxonomyValue[]) {
    for (const value of values) {
      this.idByKey.set(`${value.facet}\u0000${value.key}`, value.code);
      this.keyById.set(`${value.facet}\u0000${value.code}`, value.key);
      if (value.facet === 'industry' && value.parentKey) {
        this.childrenOf.set(value.parentKey, [...(this.childrenOf.get(value.parentKey) ?? []), value.key]);
      }
    }
  }

  /** The value id of a key (0 when the key is unknown, which matches no advocate). */
  idOf(facet: SearchFacet, key: string): number {
    const taxonomyFacet = TAXONOMY_FACETS[facet];
    if (taxonomyFacet) return this.idByKey.get(`${taxonomyFacet}\u0000${key}`) ?? 0;
    if (facet === 'country' || facet === 'region') return countryValueId(key);
    return FIXED[facet]?.id(key) ?? 0;
  }

  /** The key of a value id, or null for an id no key has (a retired code, say). */
  keyOf(facet: SearchFacet, id: number): string | null {
    const taxonomyFacet = TAXONOMY_FACETS[facet];
    if (taxonomyFacet) return this.keyById.get(`${taxonomyFacet}\u0000${id}`) ?? null;
    if (facet === 'country' || facet === 'region') return countryFromValueId(id);
    return FIXED[facet]?.key(id) ?? null;
  }

  /** Industry keys with every industry under the named sectors. */
  compileIndustries(keys: readonly string[]): Set<string> {
    return new Set(keys.flatMap((key) => [key, ...(this.childrenOf.get(key) ?? [])]));
  }

  /**
   * The accepted value ids of every filtered facet: an industry sector accepts its industries,
   * a region accepts its countries, unknown keys accept nothing.
   */
  compileFilters(filters: AdvocateFilters, defaults: Partial<Record<SearchFacet, string[]>>): FacetCodeFilters {
    const compiled: FacetCodeFilters = {};
    for (const [facet, chosen] of Object.entries({ ...defaults, ...stripEmpty(filters) }) as [SearchFacet, string[]][]) {
      let keys = chosen;
      if (facet === 'industry') keys = [...this.compileIndustries(chosen)];
      if (facet === 'region') keys = countriesInRegions(chosen);
      compiled[facet] = new Set(keys.map((key) => this.idOf(facet, key)).filter((id) => id !== 0));
    }
    return compiled;
  }
}

function stripEmpty(filters: AdvocateFilters): Partial<Record<SearchFacet, string[]>> {
  const { accountId: _accountId, ...facets } = filters;
  return Object.fromEntries(Object.entries(facets).filter(([, keys]) => Array.isArray(keys) && keys.length > 0));
}
