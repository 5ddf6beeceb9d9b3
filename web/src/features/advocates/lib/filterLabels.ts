import type { Facet } from '@domain/taxonomy/types';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import type { TaxonomyLabeler } from '@/features/taxonomy/lib/labeler';
import type { FilterDefinition } from './searchFilters';

export type FilterLabelers = Partial<Record<Facet, TaxonomyLabeler>>;

/** Every taxonomy facet a filter uses, loaded once (cached for the session). */
export function useFilterLabelers(): FilterLabelers {
  return {
    industry: useTaxonomyLabels('industry'),
    country: useTaxonomyLabels('country'),
    company_size: useTaxonomyLabels('company_size'),
    seniority: useTaxonomyLabels('seniority'),
    function: useTaxonomyLabels('function'),
    product: useTaxonomyLabels('product'),
    use_case: useTaxonomyLabels('use_case'),
    topic: useTaxonomyLabels('topic'),
    activity_type: useTaxonomyLabels('activity_type'),
    language: useTaxonomyLabels('language'),
  };
}

/** Turns a filter's keys into labels. */
export function labelFunction(definition: FilterDefinition, labelers: FilterLabelers): (key: string) => string {
  const fixed = new Map(definition.options?.map((option) => [option.value, option.label]));
  const labeler = definition.facet ? labelers[definition.facet] : undefined;
  return (key) => fixed.get(key) ?? labeler?.label(key) ?? key;
}

