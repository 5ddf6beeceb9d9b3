import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import { regionCounts, SEARCH_FACETS, type AdvocateFilters, type SearchFacet } from '../../domain/search/advocate-filters.js';
import { toPrefixTsQuery } from '../../domain/search/text-query.js';
import type { ServiceDeps } from '../context.js';
import { facetConditions, facetValueExpressions } from './advocate-search-sql.js';
import { fetchHits, type SearchHitRow, type SearchSort } from './search-hits.js';

export interface SearchAdvocatesQuery {
  q?: string;
  filters: AdvocateFilters;
  sort: SearchSort;
  cursor?: string;
  limit: number;
}

export interface FacetCount {
  key: string;
  count: number;
}

export interface AdvocateSearchResult {
  hits: SearchHitRow[];
  nextCursor: string | null;
  total: number;
  facets: Record<SearchFacet, FacetCount[]>;
}

/**
 * A page of hits without facet counts: for callers that walk every result (CSV export).
 * Same filters, text query, sort and cursor as searchAdvocates.
 */
export async function searchAdvocateHits(deps: ServiceDeps, query: SearchAdvocatesQuery): Promise<{ hits: SearchHitRow[]; nextCursor: string | null }> {
  const context = { now: deps.now(), staleAfterMonths: deps.config.staleAfterMonths };
  const tsQuery = query.q ? toPrefixTsQuery(query.q) : null;
  const conditions = await facetConditions(deps.db, query.filters, context);
  const parts = [...Object.values(conditions)];
  if (tsQuery) parts.push(sql`a.search_vector @@ to_tsquery('english', ${tsQuery})`);
  if (query.filters.accountId) parts.push(sql`a.account_id = ${query.filters.accountId}::uuid`);
  return fetchHits(deps.db, { where: parts.length ? sql.join(parts, sql` and `) : sql`true`, tsQuery, sort: query.sort, cursor: query.cursor, limit: query.limit });
}

const ARRAY_FACETS = new Set<SearchFacet>(['topic', 'useCase', 'product', 'language']);

/**
 * Faceted, full-text advocate search. One statement counts every facet: the matching rows are
 * materialised once with a flag per active filter, and each facet is counted over the rows that
 * pass every filter but its own (so picking a topic still shows the other topics' counts).
 * A second statement fetches the page of hits with keyset pagination.
 */
export async function searchAdvocates(deps: ServiceDeps, query: SearchAdvocatesQuery): Promise<AdvocateSearchResult> {
  const context = { now: deps.now(), staleAfterMonths: deps.config.staleAfterMonths };
  const tsQuery = query.q ? toPrefixTsQuery(query.q) : null;
  const conditions = await facetConditions(deps.db, query.filters, context);
  const scope: SQL[] = [];
  if (tsQuery) scope.push(sql`a.search_vector @@ to_tsquery('english', ${tsQuery})`);
  if (query.filters.accountId) scope.push(sql`a.account_id = ${query.filters.accountId}::uuid`);
  const where = (except?: SearchFacet): SQL => {
    const parts = [...scope, ...Object.entries(conditions).filter(([facet]) => facet !== except).map(([, condition]) => condition)];
    return parts.length ? sql.join(parts, sql` and `) : sql`true`;
  };

  const values = facetValueExpressions(context.now, context.staleAfterMonths);
  const flagged = Object.keys(conditions) as SearchFacet[];
  const baseColumns = sql.join(
    [
      ...Object.entries(values).map(([facet, expression]) => sql`${expression} as ${sql.identifier(facet)}`),
      sql`a.willingness as willingness`,
      ...flagged.map((facet) => sql`(${conditions[facet]}) as ${sql.identifier(`m_${facet}`)}`),
    ],
    sql`, `,
  );
  const flagsExcept = (except?: SearchFacet): SQL => {
    const flags = flagged.filter((f) => f !== except).map((f) => sql.identifier(`m_${f}`));
    return flags.length ? sql.join(flags, sql` and `) : sql`true`;
  };
  const countSelects: SQL[] = [
    ...Object.keys(values).map((facet) => {
      const column = sql.identifier(facet);
      const value = ARRAY_FACETS.has(facet as SearchFacet) ? sql`unnest(${column})` : column;
      return sql`select ${facet}::text as facet, (${value})::text as key from base where ${flagsExcept(facet as SearchFacet)}`;
    }),
    sql`select 'region'::text, "country"::text from base where ${flagsExcept('region')}`,
    sql`select 'activityType'::text, w.key from base, jsonb_each_text(base.willingness) w where w.value = 'yes' and ${flagsExcept('activityType')}`,
    sql`select '_total'::text, null::text from base where ${flagsExcept()}`,
  ];
  const scopeWhere = scope.length ? sql.join(scope, sql` and `) : sql`true`;
  const rows = await queryRows<{ facet: string; key: string | null; n: number }>(
    deps.db,
    sql`with base as materialized (
          select ${baseColumns}
          from advocates a join accounts acc on acc.id = a.account_id
          where ${scopeWhere})
        select facet, key, count(*)::int as n from (${sql.join(countSelects, sql` union all `)}) f
        group by facet, key`,
  );

  const facets = Object.fromEntries(SEARCH_FACETS.map((f) => [f, [] as FacetCount[]])) as Record<SearchFacet, FacetCount[]>;
  let total = 0;
  for (const row of rows) {
    if (row.facet === '_total') total = row.n;
    else if (row.key !== null) facets[row.facet as SearchFacet]?.push({ key: row.key, count: row.n });
  }
  for (const facet of SEARCH_FACETS) facets[facet].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  facets.region = regionCounts(facets.region);

  const page = await fetchHits(deps.db, { where: where(), tsQuery, sort: query.sort, cursor: query.cursor, limit: query.limit });
  return { hits: page.hits, nextCursor: page.nextCursor, total, facets };
}
