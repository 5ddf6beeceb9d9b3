import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { accounts, activities, opportunities, referenceRequests, type ActivityRow } from '../../db/schema/index.js';
import type { ActivityAccess } from '../../policies/activities.js';
import { notFound } from '../errors.js';

export interface ActivityWithAccess {
  activity: ActivityRow;
  access: ActivityAccess;
}

const requestOf = alias(referenceRequests, 'activity_request');

/**
 * One activity and the people around it (requester, account owner, opportunity owner). With
 * `lock`, its request and then the activity are locked FOR UPDATE (the request first, as
 * transitionCandidate does), so two debriefs or redos of the same activity queue up.
 */
export async function loadActivityAccess(db: Executor, id: string, options: { lock?: boolean } = {}): Promise<ActivityWithAccess> {
  if (options.lock) {
    const [ref] = await db.select({ requestId: activities.requestId }).from(activities).where(eq(activities.id, id));
    if (ref?.requestId) await db.select({ id: referenceRequests.id }).from(referenceRequests).where(eq(referenceRequests.id, ref.requestId)).for('update');
    await db.select({ id: activities.id }).from(activities).where(eq(activities.id, id)).for('update');
  }
  const [row] = await db
    .select({
      activity: activities,
      requesterUserId: requestOf.requesterUserId,
      accountOwnerUserId: accounts.ownerUserId,
      opportunityOwnerUserId: opportunities.ownerUserId,
    })
    .from(activities)
    .innerJoin(accounts, eq(accounts.id, activities.accountId))
    .leftJoin(requestOf, eq(requestOf.id, activities.requestId))
    .leftJoin(opportunities, eq(opportunities.id, activities.opportunityId))
    .where(eq(activities.id, id))
    .limit(1);
  if (!row) throw notFound('The activity');
  return {
    activity: row.activity,
    access: { requesterUserId: row.requesterUserId, accountOwnerUserId: row.accountOwnerUserId, opportunityOwnerUserId: row.opportunityOwnerUserId },
  };
}
