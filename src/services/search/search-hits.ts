import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { accounts, advocates, type AdvocateRow } from '../../db/schema/index.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN } from '../pagination.js';

export type SearchSort = 'relevance' | 'name' | 'freshness';

export interface SearchHitRow {
  advocate: AdvocateRow;
  account: { id: string; name: string; ownerUserId: string | null; industryKey: string | null; hqCountry: string | null; employeeCount: number | null; referenceStatus: string };
  rank: number | null;
}

// The aliases match the `a.` and `acc.` the filter SQL is written against.
const a = alias(advocates, 'a');
const acc = alias(accounts, 'acc');
// Everything but the search vector (see advocateColumns in the schema).
const { searchVector: _searchVector, ...aColumns } = getTableColumns(a);

const decode = (cursor: string | undefined, length: number) =>
  decodeCursorParts(cursor, length, (part, i) => i < length - 1 || UUID_PATTERN.test(part), 'is not a cursor this search returned (did the sort change?)');
const encode = encodeCursorParts;

/** A page of hits in the chosen order, continuing after the cursor. */
export async function fetchHits(
  db: Executor,
  options: { where: SQL; tsQuery: string | null; sort: SearchSort; cursor?: string; limit: number },
): Promise<{ hits: SearchHitRow[]; nextCursor: string | null }> {
  const sort: SearchSort = options.sort === 'relevance' && !options.tsQuery ? 'name' : options.sort;
  const rank = options.tsQuery ? sql<string>`round(ts_rank_cd(a.search_vector, to_tsquery('english', ${options.tsQuery}))::numeric, 6)::text` : sql<string>`null`;
  const lastKey = sql<string>`lower(a.last_name)`;
  const firstKey = sql<string>`lower(a.first_name)`;
  const verifiedKey = sql<string>`coalesce(a.last_verified_at, '-infinity'::timestamptz)`;
  let after: SQL | undefined;
  let order: SQL[];
  if (sort === 'relevance') {
    const c = decode(options.cursor, 2);
    after = c ? sql`(${rank}::numeric < ${c[0]}::numeric or (${rank}::numeric = ${c[0]}::numeric and a.id > ${c[1]}::uuid))` : undefined;
    order = [sql`${rank}::numeric desc`, asc(a.id)];
  } else if (sort === 'freshness') {
    const c = decode(options.cursor, 2);
    after = c ? sql`(${verifiedKey} < ${c[0]}::timestamptz or (${verifiedKey} = ${c[0]}::timestamptz and a.id > ${c[1]}::uuid))` : undefined;
    order = [desc(verifiedKey), asc(a.id)];
  } else {
    const c = decode(options.cursor, 3);
    after = c ? sql`(${lastKey}, ${firstKey}, a.id) > (${c[0]}, ${c[1]}, ${c[2]}::uuid)` : undefined;
    order = [asc(lastKey), asc(firstKey), asc(a.id)];
  }
  const rows = await db
    .select({
      advocate: aColumns,
      account: { id: acc.id, name: acc.name, ownerUserId: acc.ownerUserId, industryKey: acc.industryKey, hqCountry: acc.hqCountry, employeeCount: acc.employeeCount, referenceStatus: acc.referenceStatus },
      rank,
      lastKey,
      firstKey,
      verifiedKey: sql<string>`${verifiedKey}::text`,
    })
    .from(a)
    .innerJoin(acc, eq(acc.id, a.accountId))
    .where(and(options.where, after))
    .orderBy(...order)
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (rows.length > options.limit && last) {
    nextCursor =
      sort === 'relevance' ? encode([last.rank ?? '0', last.advocate.id]) : sort === 'freshness' ? encode([last.verifiedKey, last.advocate.id]) : encode([last.lastKey, last.firstKey, last.advocate.id]);
  }
  return { hits: page.map((r) => ({ advocate: r.advocate, account: r.account, rank: r.rank === null ? null : Number(r.rank) })), nextCursor };
}
