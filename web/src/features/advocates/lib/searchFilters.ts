import type { Facet } from '@domain/taxonomy/types';
import { REFERENCE_STATUS_OPTIONS } from '@/features/accounts/lib/referenceStatus';
import { ADVOCATE_STATUS_OPTIONS, FRESHNESS_OPTIONS, ORIENTATION_LABELS } from './labels';

/** The filters `GET /api/advocates/search` takes, each repeatable (OR within, AND across). */
export const FILTER_PARAMS = [
  'activityType',
  'topic',
  'industry',
  'country',
  'region',
  'seniority',
  'function',
  'orientation',
  'companySize',
  'useCase',
  'product',
  'language',
  'freshness',
  'referenceStatus',
  'status',
] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

export const SEARCH_SORTS = ['relevance', 'name', 'freshness', 'last_used'] as const;
export const isSearchSort = (value: string | null): value is SearchSort => value !== null && (SEARCH_SORTS as readonly string[]).includes(value);
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterDefinition {
  param: FilterParam;
  /** The group's heading. */
  label: string;
  /** Plural noun for "Search countries", "Show all 40 topics". */
  noun: string;
  /** Where labels (and options, when the server sends no counts) come from. */
  facet?: Facet;
  /** Fixed options, for filters that are not taxonomy facets. */
  options?: readonly FilterOption[];
  /** Long lists get a search box. */
  searchable?: boolean;
  description?: string;
}

export const FILTERS: readonly FilterDefinition[] = [
  { param: 'activityType', label: 'Willing to do', noun: 'activities', facet: 'activity_type' },
  { param: 'topic', label: 'Can speak to', noun: 'topics', facet: 'topic', searchable: true },
  { param: 'industry', label: 'Industry', noun: 'industries', facet: 'industry', searchable: true },
  { param: 'country', label: 'Country', noun: 'countries', facet: 'country', searchable: true },
  { param: 'region', label: 'Region', noun: 'regions' },
  { param: 'seniority', label: 'Seniority', noun: 'levels', facet: 'seniority' },
  { param: 'function', label: 'Function', noun: 'functions', facet: 'function', searchable: true },
  {
    param: 'orientation',
    label: 'Technical or business',
    noun: 'orientations',
    options: (['technical', 'business'] as const).map((value) => ({ value, label: ORIENTATION_LABELS[value] })),
  },
  { param: 'companySize', label: 'Company size', noun: 'sizes', facet: 'company_size' },
  { param: 'useCase', label: 'Use case', noun: 'use cases', facet: 'use_case', searchable: true },
  { param: 'product', label: 'Product', noun: 'products', facet: 'product', searchable: true },
  { param: 'language', label: 'Language', noun: 'languages', facet: 'language', searchable: true },
  { param: 'freshness', label: 'Profile freshness', noun: 'states', options: FRESHNESS_OPTIONS },
  { param: 'referenceStatus', label: 'Account reference status', noun: 'statuses', options: REFERENCE_STATUS_OPTIONS },
  {
    param: 'status',
    label: 'Advocate status',
    noun: 'statuses',
    options: ADVOCATE_STATUS_OPTIONS,
    description: 'Only active advocates unless you pick others.',
  },
];

/** Filters shown open when the page loads (others open when they hold a selection). */
export const OPEN_BY_DEFAULT: ReadonlySet<FilterParam> = new Set(['activityType', 'topic', 'industry', 'country', 'seniority']);

/** The status filter's implicit value: the server searches active advocates unless told otherwise. */
export const DEFAULT_STATUS = ['active'] as const;
