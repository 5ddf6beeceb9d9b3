import { and, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accounts, activities, advocates, taxonomyValues } from '../../db/schema/index.js';
import { evaluateCapacity, dayNumber, isoFromDayNumber, type CapacityResult } from '../../domain/requests/caps.js';
import { activityWeightFor, type ProgramPolicy } from '../../domain/requests/program-policy.js';
import { CAP_COUNTED_ACTIVITY_STATUSES } from '../../domain/requests/request-states.js';
import { conflict, notFound } from '../errors.js';

export interface CapacityBooking {
  advocateId: string;
  /** The date the use counts on (the needed-by date until it is scheduled). */
  occursOn: string;
  activityTypeKey: string;
  /** Ignore this activity when counting (re-checking an activity that is already booked). */
  exceptActivityId?: string;
}

/** The weight of an activity type: the policy override, else the taxonomy's default weight. */
export async function getActivityWeight(tx: Tx, policy: ProgramPolicy, activityTypeKey: string): Promise<number> {
  const [type] = await tx
    .select({ weight: sql<number | null>`(${taxonomyValues.attributes} ->> 'weight')::numeric` })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, 'activity_type'), eq(taxonomyValues.key, activityTypeKey)));
  return activityWeightFor(policy, activityTypeKey, type?.weight === null || type?.weight === undefined ? null : Number(type.weight));
}

/**
 * Checks an advocate's and their account's capacity for one more use, with both rows locked
 * (advocate, then account: always in that order) so concurrent bookings queue up and the last
 * one sees the others' activities. Throws 409 when a cap or the rest period refuses the use.
 * Call inside the transaction that then writes the activity.
 */
export async function checkCapacity(tx: Tx, policy: ProgramPolicy, booking: CapacityBooking): Promise<{ weight: number; accountId: string; capacity: CapacityResult }> {
  const [advocate] = await tx
    .select({ id: advocates.id, accountId: advocates.accountId, personalCap: advocates.personalCap })
    .from(advocates)
    .where(eq(advocates.id, booking.advocateId))
    .for('update');
  if (!advocate) throw notFound('The advocate');
  const [account] = await tx.select({ usageCap: accounts.usageCap }).from(accounts).where(eq(accounts.id, advocate.accountId)).for('update');
  if (!account) throw notFound('The account');

  const weight = await getActivityWeight(tx, policy, booking.activityTypeKey);
  const day = dayNumber(booking.occursOn);
  const span = Math.max(policy.caps.windowDays, policy.caps.restDays);
  const from = isoFromDayNumber(day - span);
  const to = isoFromDayNumber(day + span);
  const counted = and(
    inArray(activities.status, [...CAP_COUNTED_ACTIVITY_STATUSES]),
    gte(activities.occursOn, from),
    lte(activities.occursOn, to),
    booking.exceptActivityId ? ne(activities.id, booking.exceptActivityId) : undefined,
  );
  const uses = await tx
    .select({ advocateId: activities.advocateId, occursOn: activities.occursOn, weight: activities.weight })
    .from(activities)
    .where(and(eq(activities.accountId, advocate.accountId), counted));
  const capacity = evaluateCapacity({
    advocateUses: uses.filter((u) => u.advocateId === advocate.id).map((u) => ({ occursOn: u.occursOn, weight: Number(u.weight) })),
    accountUses: uses.map((u) => ({ occursOn: u.occursOn, weight: Number(u.weight) })),
    advocateCap: advocate.personalCap ?? policy.caps.advocateUnits,
    accountCap: account.usageCap ?? policy.caps.accountUnits,
    windowDays: policy.caps.windowDays,
    restDays: policy.caps.restDays,
    on: booking.occursOn,
    weight,
  });
  if (!capacity.ok) {
    throw conflict(
      `This use would overuse the advocate: ${capacity.problems.map((p) => p.message).join(' ')}`,
      capacity.problems.map((p) => ({ field: p.rule, reason: p.message })),
    );
  }
  return { weight, accountId: advocate.accountId, capacity };
}
