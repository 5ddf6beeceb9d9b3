import { formatISO } from 'date-fns';
import { eq } from 'drizzle-orm';
import { activities, advocates, opportunities, type ActivityRow } from '../../db/schema/index.js';
import type { Team } from '../../domain/roles.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput, type FieldError } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { getActivityWeight } from '../requests/book-capacity.js';
import { findInvalidTaxonomyKeys } from '../taxonomy/validate-keys.js';

export interface LogActivityInput {
  advocateId: string;
  activityTypeKey: string;
  /** When it took place (today or earlier). */
  occursOn: string;
  opportunityId: string | null;
  requestingTeam: Team;
  title: string | null;
  notes: string | null;
}

/**
 * Records a use that did not come through a request (a press quote, a speaking slot, a call a
 * seller arranged directly) as `happened`, weighted like any use, so caps, rest periods and
 * value reports stay true. It is a fact after the event: caps do not refuse it.
 */
export async function logActivity(deps: ServiceDeps, actor: Actor, input: LogActivityInput): Promise<ActivityRow> {
  const today = formatISO(deps.now(), { representation: 'date' });
  return deps.db.transaction(async (tx) => {
    const errors: FieldError[] = [];
    // Locked like a booking, so a concurrent approval counts this use (and this one waits for it).
    const [advocate] = await tx.select({ id: advocates.id, accountId: advocates.accountId }).from(advocates).where(eq(advocates.id, input.advocateId)).for('update');
    if (!advocate) errors.push({ field: 'advocateId', reason: 'is not an advocate' });
    if (input.opportunityId) {
      const [opportunity] = await tx.select({ id: opportunities.id }).from(opportunities).where(eq(opportunities.id, input.opportunityId));
      if (!opportunity) errors.push({ field: 'opportunityId', reason: 'is not an opportunity' });
    }
    if (input.occursOn > today) errors.push({ field: 'occursOn', reason: 'must be today or earlier: log a use once it has taken place' });
    errors.push(...(await findInvalidTaxonomyKeys(tx, [{ facet: 'activity_type', field: 'activityTypeKey', key: input.activityTypeKey }])));
    if (errors.length > 0 || !advocate) throw invalidInput(errors);

    const policy = await getProgramPolicy(tx);
    const weight = await getActivityWeight(tx, policy, input.activityTypeKey);
    const now = deps.now();
    const [row] = await tx
      .insert(activities)
      .values({
        advocateId: advocate.id,
        accountId: advocate.accountId,
        activityTypeKey: input.activityTypeKey,
        status: 'happened',
        occursOn: input.occursOn,
        weight,
        opportunityId: input.opportunityId,
        requestingTeam: input.requestingTeam,
        title: input.title,
        notes: input.notes,
        loggedByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error('activity insert returned nothing');
    await recordAudit(tx, {
      action: 'activity.logged',
      actor,
      target: { type: 'activity', id: row.id, label: input.title ?? input.activityTypeKey },
      details: { advocateId: row.advocateId, activityTypeKey: row.activityTypeKey, occursOn: row.occursOn, weight: row.weight, opportunityId: row.opportunityId },
    });
    return row;
  });
}
