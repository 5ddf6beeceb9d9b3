import type { Facet } from '@domain/taxonomy/types';
import { useMemo } from 'react';
import { createLabeler, type TaxonomyLabeler } from '../lib/labeler';
import { useTaxonomy } from './taxonomy';

/**
 * Labels for one facet's keys, from the long-cached facet list. While it loads (or if it fails)
 * keys are shown as they are, so pages never wait on it.
 */
export function useTaxonomyLabels(facet: Facet): TaxonomyLabeler {
  const { data } = useTaxonomy(facet);
  return useMemo(() => createLabeler(data), [data]);
}
