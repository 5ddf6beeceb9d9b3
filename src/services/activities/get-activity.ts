import { asc, desc, eq } from 'drizzle-orm';
import { debriefs, thankYous, users, type DebriefRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { findRedo, redoOffered } from '../debriefs/redo-rules.js';
import type { ThankYouWithGiver } from '../thank-yous/list-thank-yous.js';
import { queryActivities, type ActivityListItem } from './list-activities.js';

export interface ActivityDetail extends ActivityListItem {
  debriefs: DebriefRow[];
  thankYous: ThankYouWithGiver[];
  redo: { offered: boolean; request: { id: string; number: number } | null };
}

/** One activity with its debriefs, thank-yous and redo (the policy is applied by the caller on `access`). */
export async function getActivity(deps: ServiceDeps, id: string): Promise<ActivityDetail> {
  const { items } = await queryActivities(deps.db, { kind: 'all' }, {}, { ids: [id] });
  const item = items[0];
  if (!item) throw notFound('The activity');
  const sides = await deps.db.select().from(debriefs).where(eq(debriefs.activityId, id)).orderBy(asc(debriefs.submittedAt));
  const thanks = await deps.db
    .select({ thankYou: thankYous, giverName: users.name })
    .from(thankYous)
    .innerJoin(users, eq(users.id, thankYous.givenByUserId))
    .where(eq(thankYous.activityId, id))
    .orderBy(desc(thankYous.givenAt));
  const requesterDebrief = sides.find((d) => d.side === 'requester') ?? null;
  return {
    ...item,
    debriefs: sides,
    thankYous: thanks.map((r) => ({ thankYou: r.thankYou, givenBy: { id: r.thankYou.givenByUserId, name: r.giverName } })),
    redo: { offered: redoOffered(item.activity, requesterDebrief), request: await findRedo(deps.db, item.activity) },
  };
}
