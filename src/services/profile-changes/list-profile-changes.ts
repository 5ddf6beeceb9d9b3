import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { accounts, advocateProfileChanges, advocates, users, type AdvocateProfileChangeRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { decodeCursorParts, encodeCursorParts, isExactTime, UUID_PATTERN, type Page } from '../pagination.js';

export const PROFILE_CHANGE_STATUS_FILTERS = ['pending', 'decided', 'approved', 'rejected', 'superseded', 'all'] as const;
export type ProfileChangeStatusFilter = (typeof PROFILE_CHANGE_STATUS_FILTERS)[number];

export interface ListProfileChangesQuery {
  status: ProfileChangeStatusFilter;
  advocateId?: string;
  cursor?: string;
  limit: number;
}

/** Whose proposals: all (admins) or those of advocates at the accounts a person owns. */
export type ProfileChangeScope = { kind: 'all' } | { kind: 'owned'; userId: string };

export interface ProfileChangeSummary {
  change: AdvocateProfileChangeRow;
  advocate: { id: string; firstName: string; lastName: string; title: string | null };
  account: { id: string; name: string; ownerUserId: string | null };
  decidedBy: { id: string; name: string } | null;
}

const rank = sql<number>`(case when ${advocateProfileChanges.status} = 'pending' then 0 else 1 end)`;
/** Milliseconds, as the cursor carries them (JavaScript dates), so paging never skips a row. */
const submitted = sql`date_trunc('milliseconds', ${advocateProfileChanges.submittedAt})`;

function statusCondition(status: ProfileChangeStatusFilter): SQL | undefined {
  if (status === 'all') return undefined;
  if (status === 'decided') return inArray(advocateProfileChanges.status, ['approved', 'rejected']);
  return eq(advocateProfileChanges.status, status);
}

function scopeCondition(scope: ProfileChangeScope): SQL | undefined {
  return scope.kind === 'owned' ? eq(accounts.ownerUserId, scope.userId) : undefined;
}

/** Proposals waiting for review first, then newest first; keyset-paged on (pending, submitted, id). */
export async function listProfileChanges(
  deps: ServiceDeps,
  scope: ProfileChangeScope,
  query: ListProfileChangesQuery,
): Promise<Page<ProfileChangeSummary> & { pendingCount: number }> {
  const cursor = decodeCursorParts(query.cursor, 3, (part, i) => (i === 0 ? part === '0' || part === '1' : i === 1 ? isExactTime(part) : UUID_PATTERN.test(part)));
  const after = cursor
    ? sql`(${rank} > ${Number(cursor[0])} or (${rank} = ${Number(cursor[0])} and (${submitted}, ${advocateProfileChanges.id}) < (${cursor[1]}::timestamptz, ${cursor[2]}::uuid)))`
    : undefined;
  const advocateCondition = query.advocateId ? eq(advocateProfileChanges.advocateId, query.advocateId) : undefined;
  const rows = await deps.db
    .select({
      change: advocateProfileChanges,
      advocate: { id: advocates.id, firstName: advocates.firstName, lastName: advocates.lastName, title: advocates.title },
      account: { id: accounts.id, name: accounts.name, ownerUserId: accounts.ownerUserId },
      decidedByName: users.name,
      rank,
    })
    .from(advocateProfileChanges)
    .innerJoin(advocates, eq(advocates.id, advocateProfileChanges.advocateId))
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .leftJoin(users, eq(users.id, advocateProfileChanges.decidedByUserId))
    .where(and(statusCondition(query.status), scopeCondition(scope), advocateCondition, after))
    .orderBy(rank, desc(submitted), desc(advocateProfileChanges.id))
    .limit(query.limit + 1);
  const [pending] = await deps.db
    .select({ n: count() })
    .from(advocateProfileChanges)
    .innerJoin(advocates, eq(advocates.id, advocateProfileChanges.advocateId))
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(and(eq(advocateProfileChanges.status, 'pending'), scopeCondition(scope), advocateCondition));
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      change: r.change,
      advocate: r.advocate,
      account: r.account,
      decidedBy: r.change.decidedByUserId && r.decidedByName ? { id: r.change.decidedByUserId, name: r.decidedByName } : null,
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursorParts([String(last.rank), last.change.submittedAt.toISOString(), last.change.id]) : null,
    pendingCount: pending?.n ?? 0,
  };
}
