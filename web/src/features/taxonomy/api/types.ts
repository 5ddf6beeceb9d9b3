import type { Facet } from '@domain/taxonomy/types';

export type TaxonomyStatus = 'live' | 'retired' | 'merged';

/** One value of a facet, as `GET /api/taxonomy/:facet` returns it. Records store the `key`. */
export interface TaxonomyValue {
  id: string;
  facet: Facet;
  key: string;
  label: string;
  /** Industries: the sector's key. Countries and flat facets: null. */
  parentKey: string | null;
  sortOrder: number;
  attributes: Record<string, unknown>;
  status: TaxonomyStatus;
  mergedIntoKey: string | null;
  /** Accounts plus advocates holding the key (admins, with `withUsage=true`). */
  usage?: number;
}

export interface FacetSummary {
  facet: Facet;
  live: number;
  retired: number;
}

export interface NewTaxonomyValue {
  label: string;
  key?: string;
  parentKey?: string | null;
  attributes?: Record<string, unknown>;
}

export interface TaxonomyValueChanges {
  label?: string;
  parentKey?: string | null;
  sortOrder?: number;
  attributes?: Record<string, unknown>;
}

export interface MergeResult {
  /** The surviving value. */
  value: TaxonomyValue;
  rewritten: { accounts: number; advocates: number };
}
