import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { isNotificationKind, NOTIFICATION_KINDS } from '../../domain/notifications/catalog.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput, type FieldError } from '../errors.js';
import { describePreferences, readOptOuts, USER_NOTIFICATION_KINDS, type NotificationPreference } from './list-notification-preferences.js';

/** Why a kind cannot be chosen, or null when it can. */
function refusal(kind: string): string | null {
  if (!isNotificationKind(kind)) return 'is not a notification kind';
  const info = NOTIFICATION_KINDS[kind];
  if (info.audience !== 'user') return 'is not a message sent to Vouch users';
  if (info.required) return 'is a required message and is always sent';
  return null;
}

/**
 * Turns optional messages on or off for the actor (kinds not named keep their current choice).
 * Unknown, advocate-only and required kinds are refused with a reason each. Audited with the
 * kinds turned off and on.
 */
export async function updateNotificationPreferences(deps: ServiceDeps, actor: Actor, choices: Record<string, boolean>): Promise<NotificationPreference[]> {
  const errors: FieldError[] = [];
  for (const kind of Object.keys(choices)) {
    const reason = refusal(kind);
    if (reason) errors.push({ field: `preferences.${kind}`, reason });
  }
  if (errors.length > 0) throw invalidInput(errors);
  return deps.db.transaction(async (tx) => {
    const before = await readOptOuts(tx, actor.userId, true);
    const wanted = new Set(before.filter((kind) => USER_NOTIFICATION_KINDS.some((k) => k === kind)));
    for (const [kind, enabled] of Object.entries(choices)) {
      if (enabled) wanted.delete(kind);
      else wanted.add(kind);
    }
    // Stored in catalogue order, so equal choices compare equal.
    const after = USER_NOTIFICATION_KINDS.filter((kind) => wanted.has(kind));
    const turnedOff = after.filter((kind) => !before.includes(kind));
    const turnedOn = before.filter((kind) => !after.some((k) => k === kind));
    if (turnedOff.length > 0 || turnedOn.length > 0) {
      await tx.update(users).set({ notificationOptOuts: after, updatedAt: deps.now() }).where(eq(users.id, actor.userId));
      await recordAudit(tx, {
        action: 'user.notification_preferences_changed',
        actor,
        target: { type: 'user', id: actor.userId, label: actor.email },
        details: { turnedOff, turnedOn },
      });
    }
    return describePreferences(after);
  });
}
