import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { DEFAULT_STATUSES, freshnessBounds, regionCounts, SEARCH_FACETS, type AdvocateFilters, type SearchFacet } from '../../domain/search/advocate-filters.js';
import { countFacetCodes } from '../../domain/search/facet-codes.js';
import { COMPANY_SIZE_MINS, FacetDictionary } from '../../domain/search/facet-dictionary.js';
import { toPrefixTsQuery, toSearchTerms } from '../../domain/search/text-query.js';
import type { ServiceDeps } from '../context.js';
import { facetConditions, textArray } from './advocate-search-sql.js';
import { stemTerms, termCondition } from './search-terms.js';
import { fetchHits, hitOrdering, loadHitPage, rankExpression, type OrderedHit, type SearchHitRow, type SearchSort } from './search-hits.js';

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
  /** For ranking; null without text (or when every word typed is a stop word). */
  tsQuery: string | null;
  /** The text and account condition over advocate_facet_codes (`f`); null without text. */
  textScope: SQL | null;
  /** The text query and account over advocate_search (`s`). */
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
  const stems = query.q ? await stemTerms(deps.db, toSearchTerms(query.q)) : [];
  const tsQuery = stems.length && query.q ? toPrefixTsQuery(query.q) : null;
  const account = query.filters.accountId ? sql`f.account_id = ${query.filters.accountId}::uuid` : null;
  const textScope = stems.length ? (account ? sql`${termCondition(stems)} and ${account}` : termCondition(stems)) : null;
  const scopeParts: SQL[] = [];
  if (textScope) scopeParts.push(sql`s.advocate_id in (select f.advocate_id from advocate_facet_codes f where ${textScope})`);
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
    textScope,
    scope: scopeParts.length ? sql.join(scopeParts, sql` and `) : sql`true`,
    where: all.length ? sql.join(all, sql` and `) : sql`true`,
  };
}

function countsFromRecords(
  deps: ServiceDeps,
  query: SearchAdvocatesQuery,
  dictionary: FacetDictionary,
  base64: string | null,
  withIds = false,
): { total: number; passingIds: string[]; facets: Record<SearchFacet, FacetCount[]> } {
  const now = deps.now();
  const counted = countFacetCodes(Buffer.from(base64 ?? '', 'base64'), dictionary.compileFilters(query.filters, { status: DEFAULT_STATUSES }), {
    companySizeMins: COMPANY_SIZE_MINS,
    freshFromMs: freshnessBounds('fresh', now, deps.config.staleAfterMonths).from?.getTime() ?? 0,
    staleToMs: freshnessBounds('stale', now, deps.config.staleAfterMonths).to?.getTime() ?? 0,
  }, withIds);
  const facets = {} as Record<SearchFacet, FacetCount[]>;
  for (const facet of SEARCH_FACETS) {
    const counts: FacetCount[] = [];
    for (const [id, count] of counted.counts[facet]) {
      const key = dictionary.keyOf(facet, id);
      if (key !== null) counts.push({ key, count });
    }
    facets[facet] = counts.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
  facets.region = regionCounts(facets.region);
  return { total: counted.total, passingIds: counted.passingIds, facets };
}

/**
 * With text: the facet records of every advocate the text matches come from the narrow
 * advocate_facet_codes rows (found through the GIN index on term ids), each with its
 * advocate's id; counting them also yields the ids that pass every filter, and only those are
 * ranked and ordered for the page.
 */
async function searchWithText(deps: ServiceDeps, query: SearchAdvocatesQuery, prepared: PreparedSearch & { tsQuery: string; textScope: SQL }): Promise<AdvocateSearchResult> {
  const [row] = await queryRows<{ records: string | null }>(
    deps.db,
    sql`select encode(string_agg(uuid_send(f.advocate_id) || f.facet_codes, ''::bytea), 'base64') as records
        from advocate_facet_codes f where ${prepared.textScope}`,
  );
  const { total, passingIds, facets } = countsFromRecords(deps, query, prepared.dictionary, row?.records ?? null, true);
  const ordering = hitOrdering(query.sort, rankExpression(prepared.tsQuery), query.cursor);
  const ordered = passingIds.length
    ? await queryRows<OrderedHit>(
        deps.db,
        sql`select ${ordering.columns} from advocate_search s
            where s.advocate_id = any(${textArray(passingIds)}::uuid[])${ordering.after ? sql` and ${ordering.after}` : sql``}
            order by ${ordering.order} limit ${query.limit + 1}`,
      )
    : [];
  const page = await loadHitPage(deps.db, ordered, query.limit, ordering.sort);
  return { ...page, total, facets };
}

/**
 * Faceted, full-text advocate search: the page of hits (keyset-paginated, ordered on the narrow
 * advocate_search table) and a count for every value of every facet, each counted over the
 * advocates that pass every filter but that facet's own (so picking a topic still shows the
 * other topics' counts). Counting happens in TypeScript over the compact facet records (see
 * src/domain/search/facet-codes.ts): far cheaper than a GROUP BY per facet in SQL.
 */
export async function searchAdvocates(deps: ServiceDeps, query: SearchAdvocatesQuery): Promise<AdvocateSearchResult> {
  const prepared = await prepareSearch(deps, query);
  if (prepared.tsQuery && prepared.textScope) return searchWithText(deps, query, { ...prepared, tsQuery: prepared.tsQuery, textScope: prepared.textScope });
  // Without text the narrow advocate_facet_codes table holds every record needed. As base64
  // text: both drivers parse a large bytea value far more slowly than a string.
  const [row] = await queryRows<{ records: string | null }>(
    deps.db,
    sql`select encode(string_agg(f.facet_codes, ''::bytea), 'base64') as records from advocate_facet_codes f
        ${query.filters.accountId ? sql`where f.account_id = ${query.filters.accountId}::uuid` : sql``}`,
  );
  const { total, facets } = countsFromRecords(deps, query, prepared.dictionary, row?.records ?? null);
  const page = await fetchHits(deps.db, { where: prepared.where, tsQuery: null, sort: query.sort, cursor: query.cursor, limit: query.limit });
  return { ...page, total, facets };
}

/**
 * A page of hits without facet counts: for callers that walk every result (CSV export).
 * Same filters, text query, sort and cursor as searchAdvocates.
 */
export async function searchAdvocateHits(deps: ServiceDeps, query: SearchAdvocatesQuery): Promise<{ hits: SearchHitRow[]; nextCursor: string | null }> {
  const prepared = await prepareSearch(deps, query);
  return fetchHits(deps.db, { where: prepared.where, tsQuery: prepared.tsQuery, sort: query.sort, cursor: query.cursor, limit: query.limit });
}
