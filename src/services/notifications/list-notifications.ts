import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { notifications, type NotificationRow } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN, type Page } from '../pagination.js';

export interface ListNotificationsQuery {
  /** Only the ones not read yet. */
  unread: boolean;
  cursor?: string;
  limit: number;
}

const CURSOR_REASON = 'is not a cursor this API returned';

/**
 * The actor's own in-app notifications, newest first, keyset-paged. The cursor keeps the
 * created-at time as PostgreSQL's text (microseconds), so no row is skipped or repeated.
 */
export async function listNotifications(deps: ServiceDeps, actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationRow>> {
  const parts = decodeCursorParts(query.cursor, 2, (part, i) => (i === 0 ? part.length <= 64 : UUID_PATTERN.test(part)), CURSOR_REASON);
  const conditions: (SQL | undefined)[] = [eq(notifications.userId, actor.userId), query.unread ? isNull(notifications.readAt) : undefined];
  if (parts) conditions.push(sql`(${notifications.createdAt}, ${notifications.id}) < (cast(${parts[0]} as timestamptz), ${parts[1]}::uuid)`);
  let rows: { notification: NotificationRow; at: string }[];
  try {
    rows = await deps.db
      .select({ notification: notifications, at: sql<string>`(${notifications.createdAt})::text` })
      .from(notifications)
      .where(and(...conditions))
      .orderBy(sql`${notifications.createdAt} desc`, sql`${notifications.id} desc`)
      .limit(query.limit + 1);
  } catch (error) {
    // A hand-made cursor whose time does not cast is the caller's mistake, not ours.
    const code = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
    if (parts && typeof code === 'string' && code.startsWith('22')) throw invalidInput([{ field: 'query.cursor', reason: CURSOR_REASON }]);
    throw error;
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => r.notification),
    nextCursor: rows.length > query.limit && last ? encodeCursorParts([last.at, last.notification.id]) : null,
  };
}
