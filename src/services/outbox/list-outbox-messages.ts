import { and, eq } from 'drizzle-orm';
import { outboxMessages, type OutboxMessageRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { afterCursor, decodeCursor, newestFirst, toPage, type Page } from '../pagination.js';

export type OutboxStatus = OutboxMessageRow['status'];

export async function listOutboxMessages(
  deps: ServiceDeps,
  query: { status?: OutboxStatus; cursor?: string; limit: number },
): Promise<Page<OutboxMessageRow>> {
  const rows = await deps.db
    .select()
    .from(outboxMessages)
    .where(
      and(
        query.status ? eq(outboxMessages.status, query.status) : undefined,
        afterCursor(decodeCursor(query.cursor), outboxMessages.createdAt, outboxMessages.id),
      ),
    )
    .orderBy(...newestFirst(outboxMessages.createdAt, outboxMessages.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (m) => ({ at: m.createdAt, id: m.id }));
}

export async function getOutboxMessage(deps: ServiceDeps, id: string): Promise<OutboxMessageRow> {
  const [row] = await deps.db.select().from(outboxMessages).where(eq(outboxMessages.id, id)).limit(1);
  if (!row) throw notFound('The message');
  return row;
}
