import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { Freshness } from '../../domain/advocate-freshness.js';
import { countriesInRegions, DEFAULT_STATUSES, freshnessBounds, type AdvocateFilters, type SearchFacet } from '../../domain/search/advocate-filters.js';
import { COMPANY_SIZE_BANDS } from '../../domain/taxonomy/program-facets.js';

/** A text[] parameter that works the same on PGlite and node-postgres. */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

const orAll = (parts: SQL[]): SQL => (parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`);

/** The company-size band key of an account, in SQL (mirrors program-facets.ts). */
export const companySizeKey = sql.raw(
  `case ${COMPANY_SIZE_BANDS.map((b) => `when acc.employee_count >= ${b.min}${b.max === null ? '' : ` and acc.employee_count < ${b.max}`} then 'employees_${b.min}'`).join(' ')} end`,
);

export function freshnessKey(now: Date, staleAfterMonths: number): SQL {
  const fresh = freshnessBounds('fresh', now, staleAfterMonths).from;
  const stale = freshnessBounds('stale', now, staleAfterMonths).to;
  return sql`case when a.last_verified_at is null then 'never_verified' when a.last_verified_at >= ${fresh} then 'fresh' when a.last_verified_at <= ${stale} then 'stale' else 'due' end`;
}

/** One SQL condition per filtered facet; unfiltered facets are absent. */
export async function facetConditions(
  db: Executor,
  filters: AdvocateFilters,
  context: { now: Date; staleAfterMonths: number },
): Promise<Partial<Record<SearchFacet, SQL>>> {
  const conditions: Partial<Record<SearchFacet, SQL>> = {};
  const keys = (facet: SearchFacet) => (filters[facet]?.length ? filters[facet] : undefined);
  const industry = keys('industry');
  if (industry) {
    const children = await queryRows<{ key: string }>(db, sql`select key from taxonomy_values where facet = 'industry' and parent_key = any(${textArray(industry)})`);
    conditions.industry = sql`acc.industry_key = any(${textArray([...industry, ...children.map((c) => c.key)])})`;
  }
  const equals: [SearchFacet, SQL][] = [
    ['country', sql`a.country`],
    ['seniority', sql`a.seniority_key`],
    ['function', sql`a.function_key`],
    ['orientation', sql`a.orientation`],
    ['referenceStatus', sql`acc.reference_status`],
  ];
  for (const [facet, column] of equals) {
    const wanted = keys(facet);
    if (wanted) conditions[facet] = sql`${column} = any(${textArray(wanted)})`;
  }
  const overlaps: [SearchFacet, SQL][] = [
    ['topic', sql`a.topic_keys`],
    ['useCase', sql`a.use_case_keys`],
    ['product', sql`a.product_keys`],
    ['language', sql`a.language_keys`],
  ];
  for (const [facet, column] of overlaps) {
    const wanted = keys(facet);
    if (wanted) conditions[facet] = sql`${column} && ${textArray(wanted)}`;
  }
  const region = keys('region');
  if (region) conditions.region = sql`a.country = any(${textArray(countriesInRegions(region))})`;
  const size = keys('companySize');
  if (size) conditions.companySize = sql`${companySizeKey} = any(${textArray(size)})`;
  const activity = keys('activityType');
  if (activity) conditions.activityType = sql`exists (select 1 from jsonb_each_text(a.willingness) w where w.key = any(${textArray(activity)}) and w.value = 'yes')`;
  conditions.status = sql`a.status = any(${textArray(keys('status') ?? DEFAULT_STATUSES)})`;
  const freshness = keys('freshness');
  if (freshness) conditions.freshness = orAll(freshness.map((f) => sql`${freshnessKey(context.now, context.staleAfterMonths)} = ${f as Freshness}`));
  return conditions;
}

/** How each facet's values are counted: a scalar column or an unnested array. */
export function facetValueExpressions(now: Date, staleAfterMonths: number): Record<Exclude<SearchFacet, 'region' | 'activityType'>, SQL> {
  return {
    industry: sql`acc.industry_key`,
    country: sql`a.country`,
    companySize: companySizeKey,
    seniority: sql`a.seniority_key`,
    function: sql`a.function_key`,
    orientation: sql`a.orientation`,
    // Arrays: counted per element (see ARRAY_FACETS in search-advocates.ts).
    topic: sql`a.topic_keys`,
    useCase: sql`a.use_case_keys`,
    product: sql`a.product_keys`,
    language: sql`a.language_keys`,
    status: sql`a.status`,
    freshness: freshnessKey(now, staleAfterMonths),
    referenceStatus: sql`acc.reference_status`,
  };
}
