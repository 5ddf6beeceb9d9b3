import { z } from 'zod';
import type { TaxonomyValueRow } from '../../../db/schema/index.js';
import { FACETS } from '../../../domain/taxonomy/types.js';

export const TAXONOMY_STATUSES = ['live', 'retired', 'merged'] as const;

export const taxonomyValueSchema = z
  .object({
    id: z.uuid(),
    facet: z.enum(FACETS),
    key: z.string(),
    label: z.string(),
    parentKey: z.string().nullable(),
    sortOrder: z.number().int(),
    attributes: z.record(z.string(), z.unknown()),
    status: z.enum(TAXONOMY_STATUSES),
    mergedIntoKey: z.string().nullable(),
    /** Accounts plus advocates holding the key; only when asked for (admins). */
    usage: z.number().int().optional(),
  })
  .meta({ id: 'TaxonomyValue' });

export const facetSummarySchema = z
  .object({ facet: z.enum(FACETS), live: z.number().int(), retired: z.number().int() })
  .meta({ id: 'TaxonomyFacet' });

export type TaxonomyValueView = z.infer<typeof taxonomyValueSchema>;

export function presentTaxonomyValue(value: TaxonomyValueRow, usage?: number): TaxonomyValueView {
  return {
    id: value.id,
    facet: value.facet,
    key: value.key,
    label: value.label,
    parentKey: value.parentKey,
    sortOrder: value.sortOrder,
    attributes: value.attributes,
    status: value.mergedIntoKey ? 'merged' : value.retiredAt ? 'retired' : 'live',
    mergedIntoKey: value.mergedIntoKey,
    ...(usage === undefined ? {} : { usage }),
  };
}
