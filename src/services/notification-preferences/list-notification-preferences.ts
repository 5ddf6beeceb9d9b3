import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications/catalog.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/** One message a person may get, and whether they get it. */
export interface NotificationPreference {
  kind: NotificationKind;
  label: string;
  description: string;
  /** Required process messages are always sent. */
  required: boolean;
  enabled: boolean;
}

/** Every kind sent to internal users, in catalogue order. */
export const USER_NOTIFICATION_KINDS = (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).filter((kind) => NOTIFICATION_KINDS[kind].audience === 'user');

export function describePreferences(optOuts: readonly string[]): NotificationPreference[] {
  return USER_NOTIFICATION_KINDS.map((kind) => {
    const info = NOTIFICATION_KINDS[kind];
    return { kind, label: info.label, description: info.description, required: info.required, enabled: info.required || !optOuts.includes(kind) };
  });
}

export async function readOptOuts(db: Executor, userId: string, forUpdate = false): Promise<string[]> {
  const query = db.select({ optOuts: users.notificationOptOuts }).from(users).where(eq(users.id, userId)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('The user');
  return row.optOuts;
}

/** The actor's message choices: the catalogue's user messages, required ones always on. */
export async function listNotificationPreferences(deps: ServiceDeps, actor: Actor): Promise<NotificationPreference[]> {
  return describePreferences(await readOptOuts(deps.db, actor.userId));
}
