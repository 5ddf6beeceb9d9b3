import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { accounts, advocateBlackouts, advocateColumns, advocates, type AdvocateBlackoutRow, type AdvocateRow } from '../../db/schema/index.js';
import type { AdvocateStatus } from '../../domain/advocate-lifecycle.js';
import type { AdvocateAccess } from '../../policies/advocates.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput, notFound } from '../errors.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN, type Page } from '../pagination.js';

export interface AdvocateWithAccount {
  advocate: AdvocateRow;
  account: { id: string; name: string; ownerUserId: string | null };
  blackouts: AdvocateBlackoutRow[];
}

/** What access decisions need about an advocate, read before anything else happens. */
export async function getAdvocateAccess(deps: ServiceDeps, advocateId: string): Promise<AdvocateAccess> {
  const [row] = await deps.db
    .select({ ownerUserId: accounts.ownerUserId })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(eq(advocates.id, advocateId))
    .limit(1);
  if (!row) throw notFound('The advocate');
  return { accountOwnerUserId: row.ownerUserId };
}

/** The same for an account an advocate would be added to. */
export async function getAccountAccess(deps: ServiceDeps, accountId: string): Promise<AdvocateAccess> {
  const [row] = await deps.db.select({ ownerUserId: accounts.ownerUserId }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!row) throw invalidInput([{ field: 'accountId', reason: 'is not an existing account' }]);
  return { accountOwnerUserId: row.ownerUserId };
}

export async function getAdvocate(deps: ServiceDeps, id: string): Promise<AdvocateWithAccount> {
  const [row] = await deps.db
    .select({ advocate: advocateColumns(advocates), account: { id: accounts.id, name: accounts.name, ownerUserId: accounts.ownerUserId } })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(eq(advocates.id, id))
    .limit(1);
  if (!row) throw notFound('The advocate');
  const blackouts = await deps.db.select().from(advocateBlackouts).where(eq(advocateBlackouts.advocateId, id)).orderBy(asc(advocateBlackouts.startsOn));
  return { ...row, blackouts };
}

export interface ListAdvocatesQuery {
  accountId?: string;
  status?: AdvocateStatus;
  q?: string;
  cursor?: string;
  limit: number;
}

/** Advocates in name order (last, first), with keyset pagination. Faceted search comes separately. */
export async function listAdvocates(deps: ServiceDeps, query: ListAdvocatesQuery): Promise<Page<AdvocateWithAccount>> {
  const last = sql<string>`lower(${advocates.lastName})`;
  const first = sql<string>`lower(${advocates.firstName})`;
  const cursor = decodeCursorParts(query.cursor, 3, (part, i) => i < 2 || UUID_PATTERN.test(part));
  const conditions: (SQL | undefined)[] = [
    query.accountId ? eq(advocates.accountId, query.accountId) : undefined,
    query.status ? eq(advocates.status, query.status) : undefined,
    cursor ? sql`(${last}, ${first}, ${advocates.id}) > (${cursor[0]}, ${cursor[1]}, ${cursor[2]}::uuid)` : undefined,
  ];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(advocates.firstName, pattern), ilike(advocates.lastName, pattern), ilike(advocates.title, pattern)));
  }
  const rows = await deps.db
    .select({ advocate: advocateColumns(advocates), account: { id: accounts.id, name: accounts.name, ownerUserId: accounts.ownerUserId }, sortLast: last, sortFirst: first })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(and(...conditions))
    .orderBy(last, first, asc(advocates.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const lastRow = page.at(-1);
  // The cursor carries the database's own lower-cased values, so it compares exactly as ORDER BY.
  const nextCursor =
    rows.length > query.limit && lastRow
      ? encodeCursorParts([lastRow.sortLast, lastRow.sortFirst, lastRow.advocate.id])
      : null;
  return { items: page.map(({ advocate, account }) => ({ advocate, account, blackouts: [] })), nextCursor };
}

