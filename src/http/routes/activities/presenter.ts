import { z } from 'zod';
import type { DebriefRow } from '../../../db/schema/index.js';
import { ACTIVITY_STATUSES } from '../../../domain/requests/request-states.js';
import { activityPolicy } from '../../../policies/activities.js';
import type { Actor } from '../../../services/context.js';
import type { LoadSummary } from '../../../services/activities/activity-history.js';
import type { ActivityDetail } from '../../../services/activities/get-activity.js';
import type { ActivityListItem } from '../../../services/activities/list-activities.js';
import { presentThankYou, thankYouSchema } from '../thank-yous/presenter.js';

const ref = z.object({ id: z.uuid(), name: z.string() });

export const activitySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(ACTIVITY_STATUSES),
    activityTypeKey: z.string(),
    occursOn: z.string(),
    weight: z.number(),
    /** Logged by an admin rather than coming through a request. */
    outsideFlow: z.boolean(),
    advocate: ref,
    account: ref,
    requestingTeam: z.string().nullable(),
    /** The viewer may see the fields below (admins, the requester, the account's owner, the opportunity's owner); otherwise they are null. */
    details: z.boolean(),
    request: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
    candidateId: z.uuid().nullable(),
    opportunity: ref.nullable(),
    requester: ref.nullable(),
    loggedBy: ref.nullable(),
    title: z.string().nullable(),
    notes: z.string().nullable(),
    debriefedBy: z.array(z.enum(['requester', 'advocate'])),
    createdAt: z.string(),
  })
  .meta({ id: 'Activity' });

export const debriefSchema = z
  .object({
    id: z.uuid(),
    side: z.enum(['requester', 'advocate']),
    happened: z.boolean(),
    metNeeds: z.number().int().nullable(),
    buyerIntent: z.string().nullable(),
    concerns: z.string().nullable(),
    howItWent: z.string().nullable(),
    wouldDoAgain: z.boolean().nullable(),
    submittedByUserId: z.uuid().nullable(),
    submittedAt: z.string(),
  })
  .meta({ id: 'Debrief' });

export const activityDetailSchema = activitySchema
  .extend({
    debriefs: z.array(debriefSchema),
    thankYous: z.array(thankYouSchema),
    redo: z.object({ offered: z.boolean(), request: z.object({ id: z.uuid(), number: z.number().int() }).nullable() }),
    /** What the viewer may do next. */
    may: z.object({ debrief: z.boolean(), redo: z.boolean(), thank: z.boolean(), givePoints: z.boolean() }),
  })
  .meta({ id: 'ActivityDetail' });

export const loadSchema = z
  .object({
    windowDays: z.number().int(),
    usedUnits: z.number(),
    capUnits: z.number(),
    upcoming: z.number().int(),
    restUntil: z.string().nullable(),
  })
  .meta({ id: 'UsageLoad' });

export type ActivityView = z.infer<typeof activitySchema>;
export type ActivityDetailView = z.infer<typeof activityDetailSchema>;

export function presentActivity(item: ActivityListItem, actor: Actor): ActivityView {
  const { activity } = item;
  const details = activityPolicy.view(actor, item.access);
  return {
    id: activity.id,
    status: activity.status,
    activityTypeKey: activity.activityTypeKey,
    occursOn: activity.occursOn,
    weight: activity.weight,
    outsideFlow: activity.requestId === null,
    advocate: item.advocate,
    account: item.account,
    requestingTeam: activity.requestingTeam,
    details,
    request: details ? item.request : null,
    candidateId: details ? activity.candidateId : null,
    opportunity: details ? item.opportunity : null,
    requester: details ? item.requester : null,
    loggedBy: details ? item.loggedBy : null,
    title: details ? activity.title : null,
    notes: details ? activity.notes : null,
    debriefedBy: details ? item.debriefedBy : [],
    createdAt: activity.createdAt.toISOString(),
  };
}

export function presentDebrief(d: DebriefRow): z.infer<typeof debriefSchema> {
  return {
    id: d.id,
    side: d.side,
    happened: d.happened,
    metNeeds: d.metNeeds,
    buyerIntent: d.buyerIntent,
    concerns: d.concerns,
    howItWent: d.howItWent,
    wouldDoAgain: d.wouldDoAgain,
    submittedByUserId: d.submittedByUserId,
    submittedAt: d.submittedAt.toISOString(),
  };
}

export function presentActivityDetail(detail: ActivityDetail, actor: Actor): ActivityDetailView {
  const requesterDebriefed = detail.debriefs.some((d) => d.side === 'requester');
  const closedLoop = detail.activity.status === 'happened' || detail.activity.status === 'did_not_happen';
  return {
    ...presentActivity(detail, actor),
    debriefs: detail.debriefs.map(presentDebrief),
    thankYous: detail.thankYous.map(presentThankYou),
    redo: detail.redo,
    may: {
      debrief: activityPolicy.debrief(actor, detail.access) && detail.activity.candidateId !== null && !requesterDebriefed,
      redo: activityPolicy.redo(actor, detail.access) && detail.redo.offered && detail.redo.request === null,
      thank: activityPolicy.thank(actor, detail.access) && closedLoop,
      givePoints: activityPolicy.givePoints(actor) && closedLoop,
    },
  };
}

export function presentLoad(load: LoadSummary): z.infer<typeof loadSchema> {
  return load;
}
