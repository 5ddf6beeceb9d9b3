import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { accounts, advocateColumns, advocates, type AdvocateRow } from '../../db/schema/index.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN } from '../pagination.js';

import type { SearchSort } from '../../domain/search/advocate-filters.js';

export type { SearchSort };

export interface SearchHitRow {
  advocate: AdvocateRow;
  account: { id: string; name: string; ownerUserId: string | null; industryKey: string | null; hqCountry: string | null; employeeCount: number | null; referenceStatus: string };
  rank: number | null;
}

/** A hit's id and sort keys, as the ordering query returns them. */
export interface OrderedHit {
  id: string;
  rank: string | null;
  sort_last: string;
  sort_first: string;
  verified: string;
  last_used: string;
}

export interface HitOrdering {
  sort: SearchSort;
  /** The keyset condition for the page after the cursor (undefined on the first page). */
  after: SQL | undefined;
  order: SQL;
  /** The columns an ordering query selects, matching OrderedHit. */
  columns: SQL;
}

const decode = (cursor: string | undefined, length: number) =>
  decodeCursorParts(cursor, length, (part, i) => i < length - 1 || UUID_PATTERN.test(part), 'is not a cursor this search returned (did the sort change?)');

/** The rank of a row, rounded so it survives a round trip through a cursor. */
export const rankExpression = (tsQuery: string): SQL => sql`round(ts_rank_cd(s.search_vector, to_tsquery('english', ${tsQuery}))::numeric, 6)`;

/**
 * How hits are ordered and where the page after a cursor starts, over rows aliased `s` that
 * have advocate_id, sort_last, sort_first, verified_at and last_used_on (advocate_search).
 * `rank` is the relevance expression (or column) when there is a text query.
 */
export function hitOrdering(requested: SearchSort, rank: SQL | null, cursor: string | undefined): HitOrdering {
  const sort: SearchSort = requested === 'relevance' && !rank ? 'name' : requested;
  const rankKey = rank ?? sql`null::numeric`;
  const verifiedKey = sql`coalesce(s.verified_at, '-infinity'::timestamptz)`;
  const lastUsedKey = sql`coalesce(s.last_used_on, '-infinity'::date)`;
  const columns = sql`s.advocate_id as id, ${rankKey}::text as rank, s.sort_last, s.sort_first, ${verifiedKey}::text as verified, ${lastUsedKey}::text as last_used`;
  if (sort === 'relevance') {
    const c = decode(cursor, 2);
    return { sort, columns, order: sql`${rankKey} desc, s.advocate_id`, after: c ? sql`(${rankKey} < ${c[0]}::numeric or (${rankKey} = ${c[0]}::numeric and s.advocate_id > ${c[1]}::uuid))` : undefined };
  }
  if (sort === 'freshness') {
    const c = decode(cursor, 2);
    return {
      sort,
      columns,
      order: sql`${verifiedKey} desc, s.advocate_id`,
      after: c ? sql`(${verifiedKey} < ${c[0]}::timestamptz or (${verifiedKey} = ${c[0]}::timestamptz and s.advocate_id > ${c[1]}::uuid))` : undefined,
    };
  }
  if (sort === 'last_used') {
    const c = decode(cursor, 2);
    return {
      sort,
      columns,
      order: sql`${lastUsedKey}, s.advocate_id`,
      after: c ? sql`(${lastUsedKey} > ${c[0]}::date or (${lastUsedKey} = ${c[0]}::date and s.advocate_id > ${c[1]}::uuid))` : undefined,
    };
  }
  const c = decode(cursor, 3);
  return { sort, columns, order: sql`s.sort_last, s.sort_first, s.advocate_id`, after: c ? sql`(s.sort_last, s.sort_first, s.advocate_id) > (${c[0]}, ${c[1]}, ${c[2]}::uuid)` : undefined };
}

/** Reads the page's advocates in full, in the order given, and the cursor of the next page. */
export async function loadHitPage(db: Executor, ordered: OrderedHit[], limit: number, sort: SearchSort): Promise<{ hits: SearchHitRow[]; nextCursor: string | null }> {
  const page = ordered.slice(0, limit);
  const rows = page.length
    ? await db
        .select({
          advocate: advocateColumns(advocates),
          account: {
            id: accounts.id,
            name: accounts.name,
            ownerUserId: accounts.ownerUserId,
            industryKey: accounts.industryKey,
            hqCountry: accounts.hqCountry,
            employeeCount: accounts.employeeCount,
            referenceStatus: accounts.referenceStatus,
          },
        })
        .from(advocates)
        .innerJoin(accounts, eq(accounts.id, advocates.accountId))
        .where(
          inArray(
            advocates.id,
            page.map((p) => p.id),
          ),
        )
    : [];
  const byId = new Map(rows.map((row) => [row.advocate.id, row]));
  const hits = page.flatMap((p) => {
    const row = byId.get(p.id);
    return row ? [{ ...row, rank: p.rank === null ? null : Number(p.rank) }] : [];
  });
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (ordered.length > limit && last) {
    const parts =
      sort === 'relevance'
        ? [last.rank ?? '0', last.id]
        : sort === 'freshness'
          ? [last.verified, last.id]
          : sort === 'last_used'
            ? [last.last_used, last.id]
            : [last.sort_last, last.sort_first, last.id];
    nextCursor = encodeCursorParts(parts);
  }
  return { hits, nextCursor };
}

/**
 * A page of hits in the chosen order, continuing after the cursor. The order and the filters
 * run on the narrow advocate_search table (`s`, with an index per sort); only the page's
 * advocates are then read in full.
 */
export async function fetchHits(
  db: Executor,
  options: { where: SQL; tsQuery: string | null; sort: SearchSort; cursor?: string; limit: number },
): Promise<{ hits: SearchHitRow[]; nextCursor: string | null }> {
  const ordering = hitOrdering(options.sort, options.tsQuery ? rankExpression(options.tsQuery) : null, options.cursor);
  const ordered = await queryRows<OrderedHit>(
    db,
    sql`select ${ordering.columns} from advocate_search s
        where ${options.where}${ordering.after ? sql` and ${ordering.after}` : sql``}
        order by ${ordering.order} limit ${options.limit + 1}`,
  );
  return loadHitPage(db, ordered, options.limit, ordering.sort);
}
