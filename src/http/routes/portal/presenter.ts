import { z } from 'zod';
import { THANK_YOU_KINDS } from '../../../db/schema/index.js';
import { ACTIVITY_STATUSES, CANDIDATE_STATUSES } from '../../../domain/requests/request-states.js';
import { portalPolicy } from '../../../policies/portal.js';
import type { AdvocateImpact } from '../../../services/portal/get-advocate-impact.js';
import type { PortalAsk } from '../../../services/portal/list-portal-asks.js';

export const portalAskSchema = z
  .object({
    candidateId: z.uuid(),
    status: z.enum(CANDIDATE_STATUSES),
    accountName: z.string(),
    requester: z.object({ name: z.string(), team: z.string() }),
    approverName: z.string().nullable(),
    activityTypeKey: z.string(),
    activityLabel: z.string(),
    prospect: z.object({ name: z.string().nullable(), industry: z.string().nullable(), country: z.string().nullable() }),
    purpose: z.string().nullable(),
    context: z.string(),
    neededBy: z.string(),
    topics: z.array(z.string()),
    askedAt: z.string().nullable(),
    answerBy: z.string().nullable(),
    answeredAt: z.string().nullable(),
    proposedDates: z.array(z.object({ startsAt: z.string(), note: z.string().optional() })),
    scheduledAt: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
  })
  .meta({ id: 'PortalAsk' });

export function presentPortalAsk({ candidate, context }: PortalAsk): z.infer<typeof portalAskSchema> {
  return {
    candidateId: candidate.id,
    status: candidate.status,
    accountName: context.accountName,
    requester: context.requester,
    approverName: context.approverName,
    activityTypeKey: context.activityTypeKey,
    activityLabel: context.activityLabel,
    prospect: context.prospect,
    purpose: context.purpose,
    context: context.context,
    neededBy: context.neededBy,
    topics: context.topics,
    askedAt: candidate.askedAt?.toISOString() ?? null,
    answerBy: candidate.askExpiresAt?.toISOString() ?? null,
    answeredAt: candidate.advocateRespondedAt?.toISOString() ?? null,
    proposedDates: candidate.proposedDates,
    scheduledAt: candidate.scheduledAt?.toISOString() ?? null,
    durationMinutes: candidate.durationMinutes,
  };
}

export const impactActivity = z.object({
  id: z.uuid(),
  activityTypeKey: z.string(),
  activityLabel: z.string(),
  occursOn: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  prospectName: z.string().nullable(),
});
export const impactThankYou = z.object({ id: z.uuid(), kind: z.enum(THANK_YOU_KINDS), points: z.number().int(), note: z.string().nullable(), givenAt: z.string(), givenByName: z.string() });
export const impactTotals = z.object({ happened: z.number().int(), upcoming: z.number().int(), dealsWon: z.number().int(), thankYous: z.number().int(), points: z.number().int() });

/** The advocate's own view: the prospect's company of a won deal, never the internal opportunity name or amount. */
export const portalImpactSchema = z
  .object({
    activities: z.array(impactActivity),
    wins: z.array(z.object({ prospectName: z.string().nullable(), wonOn: z.string(), activityCount: z.number().int() })),
    thankYous: z.array(impactThankYou),
    totals: impactTotals,
  })
  .meta({ id: 'PortalImpact' });

export function presentPortalImpact(impact: AdvocateImpact): z.infer<typeof portalImpactSchema> {
  return {
    activities: impact.activities.map((a) => ({ id: a.id, activityTypeKey: a.activityTypeKey, activityLabel: a.activityLabel, occursOn: a.occursOn, status: a.status, prospectName: a.prospectName })),
    wins: impact.wins.map((w) => ({ prospectName: portalPolicy.showsProspectName(w) ? w.prospectName : null, wonOn: w.wonOn, activityCount: w.activityCount })),
    thankYous: impact.thankYous.map((t) => ({ ...t, givenAt: t.givenAt.toISOString() })),
    totals: impact.totals,
  };
}
