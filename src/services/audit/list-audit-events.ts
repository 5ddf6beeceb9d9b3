import { and, desc, eq, gte, lt, lte, or, type SQL } from 'drizzle-orm';
import { auditEvents, users } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { decodeCursor, encodeCursor, type Page } from '../pagination.js';

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
  const cursor = decodeCursor(query.cursor);
  const conditions: (SQL | undefined)[] = [
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.actorId ? eq(auditEvents.actorUserId, query.actorId) : undefined,
    query.targetType ? eq(auditEvents.targetType, query.targetType) : undefined,
    query.targetId ? eq(auditEvents.targetId, query.targetId) : undefined,
    query.from ? gte(auditEvents.at, query.from) : undefined,
    query.to ? lte(auditEvents.at, query.to) : undefined,
    // Ids grow with time, so the id alone continues the (at, id) order safely.
    cursor ? or(lt(auditEvents.at, new Date(cursor.at)), and(eq(auditEvents.at, new Date(cursor.at)), lt(auditEvents.id, Number(cursor.id)))) : undefined,
  ];
  const rows = await deps.db
    .select({ event: auditEvents, actor: { id: users.id, name: users.name, email: users.email } })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(query.limit + 1);
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const page: Page<(typeof rows)[number]> = {
    items,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.event.at, last.event.id) : null,
  };
  return page;
}
