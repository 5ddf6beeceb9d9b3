import type { AdvocateStatus } from '../advocate-lifecycle.js';
import type { Freshness } from '../advocate-freshness.js';
import { COUNTRIES } from '../taxonomy/geography.js';

/** The facets of the advocate search, as URL parameters name them. */
export const SEARCH_FACETS = [
  'industry',
  'country',
  'region',
  'companySize',
  'seniority',
  'function',
  'orientation',
  'topic',
  'useCase',
  'product',
  'language',
  'activityType',
  'status',
  'freshness',
  'referenceStatus',
] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export type AdvocateFilters = Partial<Record<SearchFacet, string[]>> & { accountId?: string };

export const DEFAULT_STATUSES: AdvocateStatus[] = ['active'];

/** Countries in the named regions or sub-regions ("Europe", "Western Europe"). */
export function countriesInRegions(regions: readonly string[]): string[] {
  const wanted = new Set(regions.map((r) => r.toLowerCase()));
  return COUNTRIES.filter((c) => wanted.has(c.region.toLowerCase()) || wanted.has(c.subregion.toLowerCase())).map((c) => c.code);
}

/** Region counts derived from country counts, so regions cost no extra query. */
export function regionCounts(countryCounts: { key: string; count: number }[]): { key: string; count: number }[] {
  const totals = new Map<string, number>();
  const regionOf = new Map(COUNTRIES.map((c) => [c.code, c.region]));
  for (const { key, count } of countryCounts) {
    const region = regionOf.get(key);
    if (region) totals.set(region, (totals.get(region) ?? 0) + count);
  }
  return [...totals].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** Verification-date bounds for each freshness value (see advocate-freshness.ts). */
export function freshnessBounds(value: Freshness, now: Date, staleAfterMonths: number): { from?: Date; to?: Date; never?: boolean } {
  const monthsAgo = (m: number) => {
    const d = new Date(now);
    d.setUTCMonth(d.getUTCMonth() - m);
    return d;
  };
  switch (value) {
    case 'never_verified':
      return { never: true };
    case 'stale':
      return { to: monthsAgo(staleAfterMonths) };
    case 'due':
      return { from: monthsAgo(staleAfterMonths), to: monthsAgo(staleAfterMonths - 1) };
    case 'fresh':
      return { from: monthsAgo(staleAfterMonths - 1) };
  }
}

/** Relevance (with text), name, most recently verified first, or least recently used first (never used first). */
export const SEARCH_SORTS = ['relevance', 'name', 'freshness', 'last_used'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export const isSearchSort = (value: unknown): value is SearchSort => typeof value === 'string' && (SEARCH_SORTS as readonly string[]).includes(value);
