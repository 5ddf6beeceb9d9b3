import { sql, type SQL } from 'drizzle-orm';
import type { Freshness } from '../../domain/advocate-freshness.js';
import { countriesInRegions, DEFAULT_STATUSES, freshnessBounds, type AdvocateFilters, type SearchFacet } from '../../domain/search/advocate-filters.js';
import { COMPANY_SIZE_BANDS } from '../../domain/taxonomy/program-facets.js';

/** A text[] parameter that works the same on PGlite and node-postgres. */
export function textArray(values: readonly string[]): SQL {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

const orAll = (parts: SQL[]): SQL => (parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`);

/** The company-size band key of an advocate's account, in SQL (mirrors program-facets.ts). */
const companySizeKey = sql.raw(
  `case ${COMPANY_SIZE_BANDS.map((b) => `when s.employee_count >= ${b.min}${b.max === null ? '' : ` and s.employee_count < ${b.max}`} then 'employees_${b.min}'`).join(' ')} end`,
);

function freshnessCondition(value: Freshness, now: Date, staleAfterMonths: number): SQL {
  const bounds = freshnessBounds(value, now, staleAfterMonths);
  if (bounds.never) return sql`s.verified_at is null`;
  if (value === 'stale') return sql`s.verified_at <= ${bounds.to}`;
  if (value === 'fresh') return sql`s.verified_at >= ${bounds.from}`;
  return sql`(s.verified_at < ${bounds.to ?? now} and s.verified_at > ${bounds.from ?? now})`;
}

/**
 * The SQL condition of every filtered facet over advocate_search (aliased `s`), for fetching
 * hits. Facet counts do not use these: they are computed from the facet records (facet-codes.ts)
 * with the same semantics, which the search tests check against each other.
 */
export function facetConditions(
  filters: AdvocateFilters,
  context: { now: Date; staleAfterMonths: number; industriesUnder: (keys: string[]) => string[] },
): SQL[] {
  const conditions: SQL[] = [];
  const keys = (facet: SearchFacet) => (filters[facet]?.length ? filters[facet] : undefined);
  const industry = keys('industry');
  if (industry) conditions.push(sql`s.industry_key = any(${textArray(context.industriesUnder(industry))})`);
  const equals: [SearchFacet, SQL][] = [
    ['country', sql`s.country`],
    ['seniority', sql`s.seniority_key`],
    ['function', sql`s.function_key`],
    ['orientation', sql`s.orientation`],
    ['referenceStatus', sql`s.reference_status`],
  ];
  for (const [facet, column] of equals) {
    const wanted = keys(facet);
    if (wanted) conditions.push(sql`${column} = any(${textArray(wanted)})`);
  }
  const overlaps: [SearchFacet, SQL][] = [
    ['topic', sql`s.topic_keys`],
    ['useCase', sql`s.use_case_keys`],
    ['product', sql`s.product_keys`],
    ['language', sql`s.language_keys`],
    ['activityType', sql`s.willing_keys`],
  ];
  for (const [facet, column] of overlaps) {
    const wanted = keys(facet);
    if (wanted) conditions.push(sql`${column} && ${textArray(wanted)}`);
  }
  const region = keys('region');
  if (region) conditions.push(sql`s.country = any(${textArray(countriesInRegions(region))})`);
  const size = keys('companySize');
  if (size) conditions.push(sql`${companySizeKey} = any(${textArray(size)})`);
  conditions.push(sql`s.status = any(${textArray(keys('status') ?? DEFAULT_STATUSES)})`);
  const freshness = keys('freshness');
  if (freshness) conditions.push(orAll(freshness.map((f) => freshnessCondition(f as Freshness, context.now, context.staleAfterMonths))));
  return conditions;
}
