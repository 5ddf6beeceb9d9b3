import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { queryRows } from '../../../db/rows.js';
import { PROGRAM_POLICY_ROW_ID } from '../../program-policies/get-program-policy.js';
import { MASK_COLUMNS, NULL_INT, SMALL_COLUMNS, type MatchRow } from './match-columns.js';

const NULL = sql.raw(String(NULL_INT));

/** advocate_match `m` as MatchRow: masks split into 32-bit halves, dates as day numbers. */
const ROW_COLUMNS: SQL = sql.join(
  [
    sql`m.advocate_id::text as id, m.account_id::text as account, m.referenceable`,
    sql`coalesce(m.employee_count, ${NULL}) as employees, coalesce(m.last_used_on - date '1970-01-01', ${NULL}) as last_used, m.blackouts::text as blackouts`,
    ...SMALL_COLUMNS.map((c) => sql.raw(`m.${c}`)),
    // Masks use bits 0–62, so the high half fits a signed int; the low half needs float8.
    ...MASK_COLUMNS.map((c) => sql.raw(`(m.${c} & 4294967295)::float8 as ${c}_lo, (m.${c} >> 32)::int as ${c}_hi`)),
  ],
  sql`, `,
);

/** Rows are loaded this many at a time, in advocate id order. */
const PAGE = 20_000;

export interface Snapshot {
  /** The oldest transaction still running (pg_snapshot_xmin), as text. */
  xmin: string;
  /** This transaction's id if it has written anything, else null. */
  own: string | null;
  /** The taxonomy's cache version (migration 0020), as text. */
  taxonomy: string;
  /** The stored program policies (null when never changed). */
  policies: Record<string, unknown> | null;
}

/** The snapshot's columns, read in the same statement as whatever else it reads. */
const SNAPSHOT = sql`pg_snapshot_xmin(pg_current_snapshot())::text as xmin, pg_current_xact_id_if_assigned()::text as own,
  (select version::text from cache_versions where name = 'taxonomy') as taxonomy,
  (select policies from program_policies where id = ${PROGRAM_POLICY_ROW_ID}) as policies`;

export async function readSnapshot(db: Executor): Promise<Snapshot> {
  const [row] = await queryRows<Snapshot>(db, sql`select ${SNAPSHOT}`);
  if (!row) throw new Error('no snapshot');
  return row;
}

/** Every advocate_match row, a page at a time (each page its own statement). */
export async function* readAllMatchRows(db: Executor): AsyncGenerator<MatchRow[]> {
  for (let after: string | null = null; ; ) {
    const page: MatchRow[] = await queryRows<MatchRow>(
      db,
      sql`select ${ROW_COLUMNS} from advocate_match m ${after === null ? sql`` : sql`where m.advocate_id > ${after}::uuid`}
          order by m.advocate_id limit ${PAGE}`,
    );
    if (page.length > 0) yield page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

export interface MatchChanges extends Snapshot {
  /** Advocates whose row changed: the row now, or null when it is gone. */
  changed: { id: string; row: MatchRow | null }[];
  /** Advocates this very transaction changed (uncommitted: not to be copied). */
  ownChanges: number;
}

/**
 * The advocates logged in advocate_match_changes at or after `since`, with their rows as they
 * are now, and the snapshot they were read in: all in one statement, so one snapshot.
 */
export async function readMatchChanges(db: Executor, since: string): Promise<MatchChanges> {
  const rows = await queryRows<Snapshot & { changed: string | null; own_change: boolean | null } & Partial<MatchRow>>(
    db,
    sql`select s.xmin, s.own, s.taxonomy, s.policies, c.id::text as changed, c.own_change, ${ROW_COLUMNS}
        from (select ${SNAPSHOT}) s
        left join (select e.id, bool_or(x.xid = pg_current_xact_id_if_assigned()) as own_change
                   from advocate_match_changes x cross join unnest(x.advocate_ids) as e(id)
                   where x.xid >= ${since}::xid8 group by e.id) c on true
        left join advocate_match m on m.advocate_id = c.id`,
  );
  const first = rows[0];
  if (!first) throw new Error('no snapshot');
  const changed: MatchChanges['changed'] = [];
  let ownChanges = 0;
  for (const r of rows) {
    if (r.changed === null) continue;
    if (r.own_change) ownChanges++;
    else changed.push({ id: r.changed, row: r.id ? (r as MatchRow) : null });
  }
  return { xmin: first.xmin, own: first.own, taxonomy: first.taxonomy, policies: first.policies, changed, ownChanges };
}
