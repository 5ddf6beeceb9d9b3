import { and, eq, isNull } from 'drizzle-orm';
import { notifications, type NotificationRow } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';
import { afterCursor, decodeCursor, exactTime, newestFirst, toPage, type Page } from '../pagination.js';

export interface ListNotificationsQuery {
  /** Only the ones not read yet. */
  unread: boolean;
  cursor?: string;
  limit: number;
}

/** The actor's own in-app notifications, newest first, keyset-paged on (created-at, id). */
export async function listNotifications(deps: ServiceDeps, actor: Actor, query: ListNotificationsQuery): Promise<Page<NotificationRow>> {
  const rows = await deps.db
    .select({ notification: notifications, at: exactTime(notifications.createdAt) })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, actor.userId),
        query.unread ? isNull(notifications.readAt) : undefined,
        afterCursor(decodeCursor(query.cursor), notifications.createdAt, notifications.id),
      ),
    )
    .orderBy(...newestFirst(notifications.createdAt, notifications.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.at, id: r.notification.id }));
  return { items: page.items.map((r) => r.notification), nextCursor: page.nextCursor };
}
