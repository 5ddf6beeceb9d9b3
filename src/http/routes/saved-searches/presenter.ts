import { z } from 'zod';
import type { SavedSearchRow } from '../../../db/schema/index.js';
import { isSearchSort } from '../../../domain/search/advocate-filters.js';
import { savedQuerySchema } from './schemas.js';

export const savedSearchSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    query: savedQuerySchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SavedSearch' });

export type SavedSearchView = z.infer<typeof savedSearchSchema>;

export function presentSavedSearch(row: SavedSearchRow): SavedSearchView {
  const sort = row.query.sort;
  return {
    id: row.id,
    name: row.name,
    query: {
      ...(row.query.q ? { q: row.query.q } : {}),
      ...(isSearchSort(sort) ? { sort } : {}),
      filters: row.query.filters,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
