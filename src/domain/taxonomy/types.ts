/** The facets an admin manages. Records store a value's stable `key`; labels can change freely. */
export const FACETS = [
  'industry',
  'country',
  'company_size',
  'revenue_band',
  'seniority',
  'function',
  'product',
  'use_case',
  'topic',
  'activity_type',
  'language',
] as const;
export type Facet = (typeof FACETS)[number];

export interface TaxonomyValue {
  facet: Facet;
  key: string;
  label: string;
  /** Two-level facets: the sector of an industry, the sub-region of a country. */
  parentKey?: string;
  sortOrder: number;
  attributes?: Record<string, unknown>;
}

/** Keys are lowercase words joined by underscores (ISO codes keep their own case). */
export function toKey(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
