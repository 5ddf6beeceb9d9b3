import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from '../../db/rows.js';
import { addBusinessDaysTo, toIsoDate } from '../../domain/requests/business-days.js';
import type { ServiceDeps } from '../context.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN, type Page } from '../pagination.js';
import { hydrateQueueItems, type QueueItem } from './hydrate-queue-items.js';

/** What needs the program team, most urgent first (DESIGN §5a). */
export const QUEUE_KINDS = ['overdue_approval', 'approval_due_soon', 'no_answer', 'needs_candidates', 'blocked', 'debrief_missing'] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];

export interface ProgramQueueQuery {
  kind?: QueueKind[];
  cursor?: string;
  limit: number;
}

interface QueueRow {
  kind: QueueKind;
  rank: number;
  due: string;
  key: string;
  request_id: string;
  candidate_id: string | null;
  activity_id: string | null;
}

const at = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Overdue approvals, approvals due within a business day, asks past their expiry without an
 * answer, requests waiting for candidates (plan B included), blocked requests, then past
 * activities without the requester's debrief. One keyset-paged statement over all of them.
 */
export async function listProgramQueue(deps: ServiceDeps, query: ProgramQueueQuery): Promise<Page<QueueItem>> {
  const now = deps.now().toISOString();
  const soon = addBusinessDaysTo(deps.now(), 1).toISOString();
  const today = toIsoDate(deps.now());
  const rank = (kind: QueueKind) => QUEUE_KINDS.indexOf(kind) + 1;
  const parts = decodeCursorParts(query.cursor, 3, (part, i) => (i === 0 ? /^\d+$/.test(part) : i === 1 ? !Number.isNaN(Date.parse(part)) : UUID_PATTERN.test(part)));
  const union = sql`
    select 'overdue_approval' as kind, ${rank('overdue_approval')}::int as rank, c.approval_due_at as due, c.id as key, c.request_id, c.id as candidate_id, null::uuid as activity_id
      from request_candidates c join reference_requests r on r.id = c.request_id
      where c.status = 'owner_pending' and c.approval_due_at < ${now}::timestamptz and r.status not in ('cancelled', 'closed')
    union all
    select 'approval_due_soon', ${rank('approval_due_soon')}, c.approval_due_at, c.id, c.request_id, c.id, null
      from request_candidates c join reference_requests r on r.id = c.request_id
      where c.status = 'owner_pending' and c.approval_due_at >= ${now}::timestamptz and c.approval_due_at < ${soon}::timestamptz and r.status not in ('cancelled', 'closed')
    union all
    select 'no_answer', ${rank('no_answer')}, c.ask_expires_at, c.id, c.request_id, c.id, null
      from request_candidates c join reference_requests r on r.id = c.request_id
      where c.status = 'advocate_pending' and c.ask_expires_at < ${now}::timestamptz and r.status not in ('cancelled', 'closed')
    union all
    select 'needs_candidates', ${rank('needs_candidates')}, r.needed_by::timestamptz, r.id, r.id, null, null
      from reference_requests r where r.status = 'matching'
    union all
    select 'blocked', ${rank('blocked')}, r.needed_by::timestamptz, r.id, r.id, null, null
      from reference_requests r where r.status = 'blocked'
    union all
    select 'debrief_missing', ${rank('debrief_missing')}, a.occurs_on::timestamptz, a.id, a.request_id, a.candidate_id, a.id
      from activities a
      where a.request_id is not null and a.status in ('planned', 'happened') and a.occurs_on < ${today}::date
        and not exists (select 1 from debriefs d where d.activity_id = a.id and d.side = 'requester')`;
  const kinds = query.kind?.length ? query.kind : QUEUE_KINDS;
  const rows = await queryRows<QueueRow>(
    deps.db,
    sql`select kind, rank, ${at(sql`due`)} as due, key, request_id, candidate_id, activity_id from (${union}) q
        where kind in (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
        ${parts ? sql`and (rank, due, key) > (${Number(parts[0])}::int, ${parts[1]}::timestamptz, ${parts[2]}::uuid)` : sql``}
        order by rank, due, key
        limit ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await hydrateQueueItems(deps, page.map((r) => ({ kind: r.kind, dueAt: r.due, requestId: r.request_id, candidateId: r.candidate_id, activityId: r.activity_id }))),
    nextCursor: rows.length > query.limit && last ? encodeCursorParts([String(last.rank), last.due, last.key]) : null,
  };
}
