import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import { taxonomyValues, type TaxonomyValueRow } from '../../db/schema/index.js';
import { FACETS, type Facet } from '../../domain/taxonomy/types.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { usageQuery } from './facet-columns.js';

export interface ListTaxonomyQuery {
  includeRetired?: boolean;
  /** Also count the accounts and advocates holding each key (one extra set-based query). */
  withUsage?: boolean;
}

export interface TaxonomyValueWithUsage {
  value: TaxonomyValueRow;
  usage?: number;
}

export interface FacetCounts {
  facet: Facet;
  live: number;
  retired: number;
}

/** A facet's values in display order: sort order, then label. Live values only unless asked. */
export async function listTaxonomy(deps: ServiceDeps, facet: Facet, query: ListTaxonomyQuery = {}): Promise<TaxonomyValueWithUsage[]> {
  const values = await deps.db
    .select()
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, facet), query.includeRetired ? undefined : isNull(taxonomyValues.retiredAt)))
    .orderBy(asc(taxonomyValues.sortOrder), asc(sql`lower(${taxonomyValues.label})`), asc(taxonomyValues.key));
  if (!query.withUsage) return values.map((value) => ({ value }));
  const usage = await keyUsage(deps, facet);
  return values.map((value) => ({ value, usage: usage.get(value.key) ?? 0 }));
}

/** How many accounts and advocates hold each key of a facet. */
export async function keyUsage(deps: ServiceDeps, facet: Facet): Promise<Map<string, number>> {
  const query = usageQuery(facet);
  if (!query) return new Map();
  const rows = await queryRows<{ key: string; n: number }>(deps.db, query);
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** Every facet with how many of its values are live and retired (merged values count as retired). */
export async function listFacets(deps: ServiceDeps): Promise<FacetCounts[]> {
  const rows = await deps.db
    .select({
      facet: taxonomyValues.facet,
      live: count(sql`case when ${taxonomyValues.retiredAt} is null then 1 end`),
      retired: count(taxonomyValues.retiredAt),
    })
    .from(taxonomyValues)
    .groupBy(taxonomyValues.facet);
  const byFacet = new Map(rows.map((r) => [r.facet, r]));
  return FACETS.map((facet) => ({ facet, live: byFacet.get(facet)?.live ?? 0, retired: byFacet.get(facet)?.retired ?? 0 }));
}

export async function getTaxonomyValue(deps: ServiceDeps, id: string): Promise<TaxonomyValueRow> {
  const [value] = await deps.db.select().from(taxonomyValues).where(eq(taxonomyValues.id, id)).limit(1);
  if (!value) throw notFound('The taxonomy value');
  return value;
}
