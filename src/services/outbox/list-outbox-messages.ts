import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { outboxMessages, webhookEndpoints, type OutboxMessageRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { afterCursor, decodeCursor, exactTime, newestFirst, toPage, type Page } from '../pagination.js';

export type OutboxStatus = OutboxMessageRow['status'];
export type OutboxChannel = OutboxMessageRow['channel'];

/** A message with the name of the Slack or Teams endpoint it goes to (null for e-mail, or when deleted). */
export interface OutboxMessageView extends OutboxMessageRow {
  endpointName: string | null;
}

const columns = { ...getTableColumns(outboxMessages), endpointName: webhookEndpoints.name };
// Webhook rows name their endpoint by id in `recipient`; e-mail rows never match.
const endpointJoin = sql`${outboxMessages.channel} <> 'email' AND ${webhookEndpoints.id}::text = ${outboxMessages.recipient}`;

export async function listOutboxMessages(
  deps: ServiceDeps,
  query: { status?: OutboxStatus; channel?: OutboxChannel; cursor?: string; limit: number },
): Promise<Page<OutboxMessageView>> {
  const rows = await deps.db
    .select({ ...columns, at: exactTime(outboxMessages.createdAt) })
    .from(outboxMessages)
    .leftJoin(webhookEndpoints, endpointJoin)
    .where(
      and(
        query.status ? eq(outboxMessages.status, query.status) : undefined,
        query.channel ? eq(outboxMessages.channel, query.channel) : undefined,
        afterCursor(decodeCursor(query.cursor), outboxMessages.createdAt, outboxMessages.id),
      ),
    )
    .orderBy(...newestFirst(outboxMessages.createdAt, outboxMessages.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (m) => ({ at: m.at, id: m.id }));
  return { items: page.items.map(({ at: _at, ...message }) => message), nextCursor: page.nextCursor };
}

export async function getOutboxMessage(deps: ServiceDeps, id: string): Promise<OutboxMessageView> {
  const [row] = await deps.db.select(columns).from(outboxMessages).leftJoin(webhookEndpoints, endpointJoin).where(eq(outboxMessages.id, id)).limit(1);
  if (!row) throw notFound('The message');
  return row;
}
