import { and, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { afterCursor, decodeCursor, encodeCursor, exactTime, type Page } from '../pagination.js';

export interface ListAuditEventsQuery {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

export async function listAuditEvents(deps: ServiceDeps, query: ListAuditEventsQuery) {
  const cursor = decodeCursor(query.cursor, 'bigint');
  const conditions: (SQL | undefined)[] = [
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.actorId ? eq(auditEvents.actorUserId, query.actorId) : undefined,
    query.targetType ? eq(auditEvents.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditEvents.targetId, query.targetId) : undefined,
    query.from ? gte(auditEvents.at, query.from) : undefined,
    query.to ? lte(auditEvents.at, query.to) : undefined,
    afterCursor(cursor, auditEvents.at, auditEvents.id, 'bigint'),
  ];
  const rows = await deps.db
    .select({ event: auditEvents, exactAt: exactTime(auditEvents.at), actor: { id: users.id, name: users.name, email: users.email } })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const page: Page<(typeof rows)[number]> = {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.exactAt, last.event.id) : null,
  };
  return page;
}
