import type { Team } from '../roles.js';
import { toKey, type Facet, type TaxonomyValue } from './types.js';

function list(facet: Facet, labels: string[], attributes?: (i: number) => Record<string, unknown>): TaxonomyValue[] {
  return labels.map((label, i) => ({ facet, key: toKey(label), label, sortOrder: i, attributes: attributes?.(i) }));
}

/** Employee-count bands; `max` is exclusive, null means no upper bound. */
export const COMPANY_SIZE_BANDS: { label: string; min: number; max: number | null }[] = [
  { label: '1–99 employees', min: 1, max: 100 },
  { label: '100–499 employees', min: 100, max: 500 },
  { label: '500–999 employees', min: 500, max: 1_000 },
  { label: '1,000–4,999 employees', min: 1_000, max: 5_000 },
  { label: '5,000–9,999 employees', min: 5_000, max: 10_000 },
  { label: '10,000–49,999 employees', min: 10_000, max: 50_000 },
  { label: '50,000+ employees', min: 50_000, max: null },
];

/** Annual revenue bands in US dollars. */
export const REVENUE_BANDS: { label: string; min: number; max: number | null }[] = [
  { label: 'Under $10M', min: 0, max: 10e6 },
  { label: '$10M–$50M', min: 10e6, max: 50e6 },
  { label: '$50M–$250M', min: 50e6, max: 250e6 },
  { label: '$250M–$1B', min: 250e6, max: 1e9 },
  { label: '$1B–$5B', min: 1e9, max: 5e9 },
  { label: '$5B–$20B', min: 5e9, max: 20e9 },
  { label: '$20B and more', min: 20e9, max: null },
];

const bandKey = (prefix: string, min: number) => `${prefix}_${min}`;

export function bandFor(bands: { min: number; max: number | null }[], prefix: string, value: number | null | undefined): string | null {
  if (value === null || value === undefined || value < 0) return null;
  const band = bands.find((b) => value >= b.min && (b.max === null || value < b.max));
  return band ? bandKey(prefix, band.min) : null;
}

export const SENIORITY_LEVELS = ['C-level', 'VP', 'Director', 'Manager', 'Individual contributor'] as const;

export interface ActivityTypeDefault {
  label: string;
  /** Units counted against usage caps per use. */
  weight: number;
  /** Teams that usually ask for this activity. */
  teams: Team[];
}

export const ACTIVITY_TYPES: ActivityTypeDefault[] = [
  { label: 'Reference call', weight: 1, teams: ['sales'] },
  { label: 'Site visit', weight: 3, teams: ['sales'] },
  { label: 'Case study', weight: 4, teams: ['product_marketing', 'demand_generation'] },
  { label: 'Video testimonial', weight: 3, teams: ['digital', 'product_marketing'] },
  { label: 'Press quote', weight: 1, teams: ['pr'] },
  { label: 'Press interview', weight: 2, teams: ['pr'] },
  { label: 'Analyst briefing', weight: 2, teams: ['analyst_relations'] },
  { label: 'Speaking engagement', weight: 3, teams: ['demand_generation', 'pr'] },
  { label: 'Webinar', weight: 2, teams: ['demand_generation', 'product_marketing'] },
  { label: 'Peer review', weight: 1, teams: ['digital', 'product_marketing'] },
  { label: 'Advisory board', weight: 3, teams: ['product_marketing', 'executive'] },
  { label: 'Community participation', weight: 1, teams: ['customer_success', 'support'] },
  { label: 'Quote or logo use', weight: 0.5, teams: ['digital', 'product_marketing', 'demand_generation'] },
  { label: 'Investor reference', weight: 2, teams: ['investor_relations'] },
];

/** Defaults for the program-specific facets; products and use cases suit the demo company. */
export function defaultProgramFacets(): TaxonomyValue[] {
  return [
    ...COMPANY_SIZE_BANDS.map((b, i) => ({ facet: 'company_size' as const, key: bandKey('employees', b.min), label: b.label, sortOrder: i, attributes: { min: b.min, max: b.max } })),
    ...REVENUE_BANDS.map((b, i) => ({ facet: 'revenue_band' as const, key: bandKey('revenue', b.min), label: b.label, sortOrder: i, attributes: { min: b.min, max: b.max } })),
    ...list('seniority', [...SENIORITY_LEVELS], (i) => ({ rank: SENIORITY_LEVELS.length - i })),
    ...list('function', ['IT', 'Engineering', 'Business line', 'Finance', 'HR', 'Marketing', 'Sales', 'Operations', 'Customer service', 'Procurement', 'Legal & compliance', 'Security', 'Data & analytics', 'Executive leadership']),
    ...list('product', ['Insights Cloud', 'Data Pipelines', 'Governance Suite', 'Embedded Analytics', 'Mobile Dashboards']),
    ...list('use_case', ['Self-service reporting', 'Embedded analytics', 'Data integration', 'Data governance', 'Real-time monitoring', 'Forecasting & planning', 'Customer 360', 'Regulatory reporting', 'Cost optimisation']),
    ...list('topic', ['Implementation', 'Administration', 'Integration', 'User adoption', 'Analytics', 'ROI', 'Security', 'Migration', 'Support experience', 'Scalability & performance', 'Change management', 'Pricing & licensing', 'Compliance', 'Vendor partnership']),
    ...ACTIVITY_TYPES.map((a, i) => ({ facet: 'activity_type' as const, key: toKey(a.label), label: a.label, sortOrder: i, attributes: { weight: a.weight, teams: a.teams } })),
  ];
}
