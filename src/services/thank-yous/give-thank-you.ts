import { eq, sql } from 'drizzle-orm';
import { advocates, thankYous, type ThankYouKind, type ThankYouRow } from '../../db/schema/index.js';
import type { ActivityStatus } from '../../domain/requests/request-states.js';
import type { ActivityAccess } from '../../policies/activities.js';
import { loadActivityAccess } from '../activities/activity-access.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput } from '../errors.js';
import { notifyThankYou } from '../notifications/messages/advocate-notices.js';

export interface GiveThankYouInput {
  kind: ThankYouKind;
  /** Points added to the advocate's balance (required for kind `points`, optional with a gift or note). */
  points: number;
  note: string | null;
}

/** A thank-you follows a use that took place, or one the advocate made time for that fell through. */
const THANKABLE: readonly ActivityStatus[] = ['happened', 'did_not_happen'];

/**
 * Logs a thank-you for an activity and adds its points to the advocate's balance, in one
 * transaction with its audit event and the advocate's thank-you e-mail. `check` applies the policy once the activity is known.
 */
export async function giveThankYou(
  deps: ServiceDeps,
  actor: Actor,
  activityId: string,
  input: GiveThankYouInput,
  check: (access: ActivityAccess) => void,
): Promise<ThankYouRow> {
  if (input.kind === 'points' && input.points < 1) throw invalidInput([{ field: 'points', reason: 'must be at least 1 for a points thank-you' }]);
  if (input.kind === 'note' && !input.note?.trim()) throw invalidInput([{ field: 'note', reason: 'is required for a note' }]);
  return deps.db.transaction(async (tx) => {
    const { activity, access } = await loadActivityAccess(tx, activityId);
    check(access);
    if (!THANKABLE.includes(activity.status)) {
      throw conflict(`This activity is ${activity.status.replace(/_/g, ' ')}: thank the advocate once it has taken place.`);
    }
    const now = deps.now();
    const [row] = await tx
      .insert(thankYous)
      .values({
        advocateId: activity.advocateId,
        activityId: activity.id,
        kind: input.kind,
        points: input.points,
        note: input.note?.trim() || null,
        givenByUserId: actor.userId,
        givenAt: now,
      })
      .returning();
    if (!row) throw new Error('thank-you insert returned nothing');
    let balance: number | null = null;
    if (input.points > 0) {
      const [updated] = await tx
        .update(advocates)
        .set({ points: sql`${advocates.points} + ${input.points}`, updatedAt: now })
        .where(eq(advocates.id, activity.advocateId))
        .returning({ points: advocates.points });
      balance = updated?.points ?? null;
    }
    await recordAudit(tx, {
      action: 'advocate.thanked',
      actor,
      target: { type: 'advocate', id: activity.advocateId },
      details: { activityId: activity.id, thankYouId: row.id, kind: row.kind, points: row.points, balance },
    });
    await notifyThankYou(deps, tx, row);
    return row;
  });
}
