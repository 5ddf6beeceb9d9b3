import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { DEFAULT_STATUSES, freshnessBounds, regionCounts, SEARCH_FACETS, type AdvocateFilters, type SearchFacet } from '../../domain/search/advocate-filters.js';
import { countFacetCodes } from '../../domain/search/facet-codes.js';
import { COMPANY_SIZE_MINS, FacetDictionary } from '../../domain/search/facet-dictionary.js';
import { toPrefixTsQuery } from '../../domain/search/text-query.js';
import type { ServiceDeps } from '../context.js';
import { facetConditions } from './advocate-search-sql.js';
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

interface PreparedSearch {
  dictionary: FacetDictionary;
  tsQuery: string | null;
  /** The text query and account: what bounds the rows whose facets are counted. */
  scope: SQL;
  /** Scope and every filter: what the hits must match. */
  where: SQL;
}

async function loadDictionary(db: Executor): Promise<FacetDictionary> {
  const values = await queryRows<{ code: number; facet: string; key: string; parent_key: string | null }>(db, sql`select code, facet, key, parent_key from taxonomy_values`);
  return new FacetDictionary(values.map((v) => ({ code: v.code, facet: v.facet, key: v.key, parentKey: v.parent_key })));
}

async function prepareSearch(deps: ServiceDeps, query: SearchAdvocatesQuery): Promise<PreparedSearch> {
  const dictionary = await loadDictionary(deps.db);
  const tsQuery = query.q ? toPrefixTsQuery(query.q) : null;
  const scopeParts: SQL[] = [];
  if (tsQuery) scopeParts.push(sql`s.search_vector @@ to_tsquery('english', ${tsQuery})`);
  if (query.filters.accountId) scopeParts.push(sql`s.account_id = ${query.filters.accountId}::uuid`);
  const filters = facetConditions(query.filters, {
    now: deps.now(),
    staleAfterMonths: deps.config.staleAfterMonths,
    industriesUnder: (keys) => [...dictionary.compileIndustries(keys)],
  });
  const all = [...scopeParts, ...filters];
  return {
    dictionary,
    tsQuery,
    scope: scopeParts.length ? sql.join(scopeParts, sql` and `) : sql`true`,
    where: all.length ? sql.join(all, sql` and `) : sql`true`,
  };
}

/** Facet counts from the binary facet records of every advocate in scope (see facet-codes.ts). */
async function countFacets(deps: ServiceDeps, query: SearchAdvocatesQuery, prepared: PreparedSearch): Promise<{ total: number; facets: Record<SearchFacet, FacetCount[]> }> {
  // Without text, the narrow advocate_facet_codes table is enough; with text, the records come
  // from the rows the full-text index finds. As base64 text: both drivers parse a large bytea
  // value far more slowly than a string.
  const source = prepared.tsQuery
    ? sql`select encode(string_agg(s.facet_codes, ''::bytea), 'base64') as records from advocate_search s where ${prepared.scope}`
    : sql`select encode(string_agg(f.facet_codes, ''::bytea), 'base64') as records from advocate_facet_codes f
          ${query.filters.accountId ? sql`where f.account_id = ${query.filters.accountId}::uuid` : sql``}`;
  const [row] = await queryRows<{ records: string | null }>(deps.db, source);
  const now = deps.now();
  const counted = countFacetCodes(Buffer.from(row?.records ?? '', 'base64'), prepared.dictionary.compileFilters(query.filters, { status: DEFAULT_STATUSES }), {
    companySizeMins: COMPANY_SIZE_MINS,
    freshFromMs: freshnessBounds('fresh', now, deps.config.staleAfterMonths).from?.getTime() ?? 0,
    staleToMs: freshnessBounds('stale', now, deps.config.staleAfterMonths).to?.getTime() ?? 0,
  });
  const facets = {} as Record<SearchFacet, FacetCount[]>;
  for (const facet of SEARCH_FACETS) {
    const counts: FacetCount[] = [];
    for (const [id, count] of counted.counts[facet]) {
      const key = prepared.dictionary.keyOf(facet, id);
      if (key !== null) counts.push({ key, count });
    }
    facets[facet] = counts.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
  facets.region = regionCounts(facets.region);
  return { total: counted.total, facets };
}

/**
 * Faceted, full-text advocate search: the page of hits (keyset-paginated, ordered on the narrow
 * advocate_search table) and a count for every value of every facet, each counted over the
 * advocates that pass every filter but that facet's own (so picking a topic still shows the
 * other topics' counts).
 */
export async function searchAdvocates(deps: ServiceDeps, query: SearchAdvocatesQuery): Promise<AdvocateSearchResult> {
  const prepared = await prepareSearch(deps, query);
  const { total, facets } = await countFacets(deps, query, prepared);
  const page = await fetchHits(deps.db, { where: prepared.where, tsQuery: prepared.tsQuery, sort: query.sort, cursor: query.cursor, limit: query.limit });
  return { hits: page.hits, nextCursor: page.nextCursor, total, facets };
}

/**
 * A page of hits without facet counts: for callers that walk every result (CSV export).
 * Same filters, text query, sort and cursor as searchAdvocates.
 */
export async function searchAdvocateHits(deps: ServiceDeps, query: SearchAdvocatesQuery): Promise<{ hits: SearchHitRow[]; nextCursor: string | null }> {
  const prepared = await prepareSearch(deps, query);
  return fetchHits(deps.db, { where: prepared.where, tsQuery: prepared.tsQuery, sort: query.sort, cursor: query.cursor, limit: query.limit });
}
