import { and, count, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';

/** How many of the actor's own notifications are not read yet (the bell's number). */
export async function countUnreadNotifications(deps: ServiceDeps, actor: Actor): Promise<number> {
  const [row] = await deps.db
    .select({ unread: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)));
  return Number(row?.unread ?? 0);
}
