import type { Facet } from '@domain/taxonomy/types';

export const FACET_LABELS: Record<Facet, string> = {
  industry: 'Industry',
  country: 'Country',
  company_size: 'Company size',
  revenue_band: 'Revenue band',
  seniority: 'Seniority',
  function: 'Function',
  product: 'Product',
  use_case: 'Use case',
  topic: 'Topic',
  activity_type: 'Activity type',
  language: 'Language',
};

export const FACET_DESCRIPTIONS: Record<Facet, string> = {
  industry: 'Sectors and the industries under them, for accounts and prospects.',
  country: 'ISO 3166-1 countries with their UN region; keys are the two-letter codes.',
  company_size: 'Employee-count bands; accounts get theirs from the employee count.',
  revenue_band: 'Annual revenue bands in US dollars; accounts get theirs from their revenue.',
  seniority: 'Seniority levels of advocates and prospect contacts.',
  function: 'The function or persona an advocate speaks for.',
  product: 'Your products and solutions that customers use.',
  use_case: 'What customers use your products for.',
  topic: 'Topics advocates can speak to and prospects need put to rest.',
  activity_type: 'Kinds of reference activity, with the weight each use counts against caps.',
  language: 'ISO 639-1 languages advocates speak.',
};
