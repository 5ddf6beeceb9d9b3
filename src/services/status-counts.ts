import { count, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/rows.js';

/** How many rows a table holds per value of a status column, with every known status present. */
export async function countByStatus<S extends string>(db: Executor, table: PgTable, column: PgColumn, statuses: readonly S[]): Promise<Record<S, number>> {
  const rows = await db.select({ status: column, n: count() }).from(table).groupBy(column);
  const counts = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const row of rows) if (statuses.includes(row.status as S)) counts[row.status as S] = row.n;
  return counts;
}

/** Invitation status is derived from timestamps (see domain/invitation-state), so count it the same way. */
export async function countInvitationsByStatus(db: Executor, now: Date) {
  const [row] = await queryRows<{ pending: number; accepted: number; revoked: number; expired: number }>(
    db,
    sql`select
      count(*) filter (where accepted_at is null and revoked_at is null and expires_at > ${now})::int as pending,
      count(*) filter (where accepted_at is not null)::int as accepted,
      count(*) filter (where accepted_at is null and revoked_at is not null)::int as revoked,
      count(*) filter (where accepted_at is null and revoked_at is null and expires_at <= ${now})::int as expired
    from invitations`,
  );
  return row ?? { pending: 0, accepted: 0, revoked: 0, expired: 0 };
}
