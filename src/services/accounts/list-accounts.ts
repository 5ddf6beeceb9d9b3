import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { accounts, advocates, taxonomyValues, users, type ReferenceStatus } from '../../db/schema/index.js';
import { ADVOCATE_STATUSES, type AdvocateStatus } from '../../domain/advocate-lifecycle.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN, type Page } from '../pagination.js';
import type { AccountDetail, AccountWithOwner, OwnerSummary } from './account-fields.js';

export interface ListAccountsQuery {
  q?: string;
  /** An industry key, or a sector key meaning every industry of that sector. */
  industry?: string;
  country?: string;
  ownerId?: string;
  referenceStatus?: ReferenceStatus;
  cursor?: string;
  limit: number;
}

/** Keyset cursor over (lower(name), id): `name` is the database's lower(name), so it compares exactly as the ORDER BY does. */
function decodeNameCursor(cursor: string | undefined): { name: string; id: string } | null {
  const parts = decodeCursorParts(cursor, 2, (part, i) => i === 0 || UUID_PATTERN.test(part));
  return parts ? { name: parts[0]!, id: parts[1]! } : null;
}

const owner = alias(users, 'owner');
const sortName = sql<string>`lower(${accounts.name})`;

function ownerOf(r: { ownerId: string | null; ownerName: string | null; ownerEmail: string | null }): OwnerSummary | null {
  return r.ownerId && r.ownerName !== null && r.ownerEmail !== null ? { id: r.ownerId, name: r.ownerName, email: r.ownerEmail } : null;
}

export async function listAccounts(deps: ServiceDeps, query: ListAccountsQuery): Promise<Page<AccountWithOwner>> {
  const cursor = decodeNameCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [cursor ? sql`(${sortName}, ${accounts.id}) > (${cursor.name}, ${cursor.id}::uuid)` : undefined];
  if (query.q) conditions.push(ilike(accounts.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  if (query.industry) {
    const children = deps.db
      .select({ key: taxonomyValues.key })
      .from(taxonomyValues)
      .where(and(eq(taxonomyValues.facet, 'industry'), eq(taxonomyValues.parentKey, query.industry)));
    conditions.push(or(eq(accounts.industryKey, query.industry), inArray(accounts.industryKey, children)));
  }
  if (query.country) conditions.push(eq(accounts.hqCountry, query.country));
  if (query.ownerId) conditions.push(eq(accounts.ownerUserId, query.ownerId));
  if (query.referenceStatus) conditions.push(eq(accounts.referenceStatus, query.referenceStatus));
  const rows = await deps.db
    .select({ account: accounts, sortName, ownerId: owner.id, ownerName: owner.name, ownerEmail: owner.email })
    .from(accounts)
    .leftJoin(owner, eq(owner.id, accounts.ownerUserId))
    .where(and(...conditions))
    .orderBy(asc(sortName), asc(accounts.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ account: r.account, owner: ownerOf(r) })),
    nextCursor: rows.length > query.limit && last ? encodeCursorParts([last.sortName, last.account.id]) : null,
  };
}

/** One account with its relationship owner and how many advocates it has, per lifecycle status. */
export async function getAccount(deps: ServiceDeps, id: string): Promise<AccountDetail> {
  const [row] = await deps.db
    .select({ account: accounts, ownerId: owner.id, ownerName: owner.name, ownerEmail: owner.email })
    .from(accounts)
    .leftJoin(owner, eq(owner.id, accounts.ownerUserId))
    .where(eq(accounts.id, id))
    .limit(1);
  if (!row) throw notFound('The account');
  const counts = await deps.db
    .select({ status: advocates.status, n: count() })
    .from(advocates)
    .where(eq(advocates.accountId, id))
    .groupBy(advocates.status);
  const advocatesByStatus = Object.fromEntries(ADVOCATE_STATUSES.map((s) => [s, 0])) as Record<AdvocateStatus, number>;
  for (const c of counts) if (c.status in advocatesByStatus) advocatesByStatus[c.status] = c.n;
  return {
    account: row.account,
    owner: ownerOf(row),
    advocateCount: counts.reduce((sum, c) => sum + c.n, 0),
    advocatesByStatus,
  };
}
