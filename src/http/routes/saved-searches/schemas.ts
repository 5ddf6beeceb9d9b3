import { z } from 'zod';
import { SEARCH_FACETS, SEARCH_SORTS } from '../../../domain/search/advocate-filters.js';

const facetNames: ReadonlySet<string> = new Set(SEARCH_FACETS);

/** A search as the advocate search page's URL carries it: text, sort and facet filters. */
export const savedQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    sort: z.enum(SEARCH_SORTS).optional(),
    filters: z.record(
      z.string().refine((facet) => facetNames.has(facet)),
      z.array(z.string().trim().min(1, 'must not be empty').max(200)).max(100),
      { error: (issue) => (issue.code === 'invalid_key' ? `is not a search facet (one of ${SEARCH_FACETS.join(', ')})` : undefined) },
    ),
  })
  .strict()
  .meta({ id: 'SavedSearchQuery' });

const name = z.string().trim().min(1, 'is required').max(100);

export const createSavedSearchBody = z.object({ name, query: savedQuerySchema }).strict();

export const updateSavedSearchBody = z
  .object({ name, query: savedQuerySchema })
  .partial()
  .strict()
  .refine((body) => body.name !== undefined || body.query !== undefined, { message: 'send a new name, a new query or both' });
