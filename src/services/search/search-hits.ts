import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { accounts, advocateColumns, advocates, type AdvocateRow } from '../../db/schema/index.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN } from '../pagination.js';

export type SearchSort = 'relevance' | 'name' | 'freshness';

export interface SearchHitRow {
  advocate: AdvocateRow;
  account: { id: string; name: string; ownerUserId: string | null; industryKey: string | null; hqCountry: string | null; employeeCount: number | null; referenceStatus: string };
  rank: number | null;
}

const decode = (cursor: string | undefined, length: number) =>
  decodeCursorParts(cursor, length, (part, i) => i < length - 1 || UUID_PATTERN.test(part), 'is not a cursor this search returned (did the sort change?)');

interface OrderedId {
  id: string;
  rank: string | null;
  sort_last: string;
  sort_first: string;
  verified: string;
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
  const sort: SearchSort = options.sort === 'relevance' && !options.tsQuery ? 'name' : options.sort;
  const rank = options.tsQuery ? sql`round(ts_rank_cd(s.search_vector, to_tsquery('english', ${options.tsQuery}))::numeric, 6)` : sql`null::numeric`;
  const verifiedKey = sql`coalesce(s.verified_at, '-infinity'::timestamptz)`;
  let after: SQL | undefined;
  let order: SQL;
  if (sort === 'relevance') {
    const c = decode(options.cursor, 2);
    after = c ? sql`(${rank} < ${c[0]}::numeric or (${rank} = ${c[0]}::numeric and s.advocate_id > ${c[1]}::uuid))` : undefined;
    order = sql`${rank} desc, s.advocate_id`;
  } else if (sort === 'freshness') {
    const c = decode(options.cursor, 2);
    after = c ? sql`(${verifiedKey} < ${c[0]}::timestamptz or (${verifiedKey} = ${c[0]}::timestamptz and s.advocate_id > ${c[1]}::uuid))` : undefined;
    order = sql`${verifiedKey} desc, s.advocate_id`;
  } else {
    const c = decode(options.cursor, 3);
    after = c ? sql`(s.sort_last, s.sort_first, s.advocate_id) > (${c[0]}, ${c[1]}, ${c[2]}::uuid)` : undefined;
    order = sql`s.sort_last, s.sort_first, s.advocate_id`;
  }
  const ordered = await queryRows<OrderedId>(
    db,
    sql`select s.advocate_id as id, ${rank}::text as rank, s.sort_last, s.sort_first, ${verifiedKey}::text as verified
        from advocate_search s
        where ${options.where}${after ? sql` and ${after}` : sql``}
        order by ${order}
        limit ${options.limit + 1}`,
  );
  const page = ordered.slice(0, options.limit);
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
  if (ordered.length > options.limit && last) {
    nextCursor =
      sort === 'relevance'
        ? encodeCursorParts([last.rank ?? '0', last.id])
        : sort === 'freshness'
          ? encodeCursorParts([last.verified, last.id])
          : encodeCursorParts([last.sort_last, last.sort_first, last.id]);
  }
  return { hits, nextCursor };
}
