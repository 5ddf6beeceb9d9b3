import { and, eq, isNull, sql } from 'drizzle-orm';
import { notifications, type NotificationRow } from '../../db/schema/index.js';
import type { NotificationAccess } from '../../policies/notifications.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/** Whose notification this is, read before anything else; 404 when there is none. */
export async function getNotificationAccess(deps: ServiceDeps, id: string): Promise<NotificationAccess> {
  const [row] = await deps.db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.id, id)).limit(1);
  if (!row) throw notFound('The notification');
  return row;
}

/** Marks one of the actor's notifications read; reading it again keeps the first time. */
export async function markNotificationRead(deps: ServiceDeps, actor: Actor, id: string): Promise<NotificationRow> {
  const [row] = await deps.db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${deps.now().toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
    .returning();
  if (!row) throw notFound('The notification');
  return row;
}

/** Marks every unread notification of the actor read, in one statement; returns how many. */
export async function markAllNotificationsRead(deps: ServiceDeps, actor: Actor): Promise<{ marked: number }> {
  const rows = await deps.db
    .update(notifications)
    .set({ readAt: deps.now() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
