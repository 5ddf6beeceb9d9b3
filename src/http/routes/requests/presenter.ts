import { z } from 'zod';
import { END_REASONS } from '../../../domain/requests/criteria.js';
import { SELECTION_MODES } from '../../../domain/requests/program-policy.js';
import { ACTIVITY_STATUSES, CANDIDATE_STATUSES, REQUEST_STATUSES } from '../../../domain/requests/request-states.js';
import { CANDIDATE_ACTIONS, REQUEST_ACTIONS } from '../../../policies/requests.js';
import type { CandidateDetail, RequestDetail, TimelineEntry } from '../../../services/requests/get-request.js';
import type { RequestListItem } from '../../../services/requests/list-requests.js';
import type { RequestPreview } from '../../../services/requests/preview-request.js';
import { criterionSchema, prospectSchema } from './schemas.js';

const personRef = z.object({ id: z.uuid(), name: z.string() });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const matchFactorSchema = z
  .object({ factor: z.string(), label: z.string(), contribution: z.number(), maximum: z.number().optional(), detail: z.string() })
  .meta({ id: 'MatchFactor' });

export const requestSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: z.enum(REQUEST_STATUSES),
    activityTypeKey: z.string(),
    purpose: z.string().nullable(),
    team: z.string(),
    requester: personRef,
    opportunity: z.object({ id: z.uuid(), name: z.string(), prospectName: z.string() }).nullable(),
    prospect: prospectSchema,
    neededBy: z.string(),
    referencesNeeded: z.number().int(),
    rush: z.boolean(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
    candidateCounts: z.partialRecord(z.enum(CANDIDATE_STATUSES), z.number().int()),
  })
  .meta({ id: 'RequestSummary' });

const readinessGapSchema = z.looseObject({ kind: z.enum(['stage', 'fact']), message: z.string() });

export const candidateSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(CANDIDATE_STATUSES),
    score: z.number().int().nullable(),
    factors: z.array(matchFactorSchema),
    lastUsedOn: z.string().nullable(),
    advocate: z.object({
      id: z.uuid(),
      name: z.string(),
      title: z.string().nullable(),
      seniorityKey: z.string().nullable(),
      functionKey: z.string().nullable(),
      country: z.string().nullable(),
      timeZone: z.string().nullable(),
    }),
    account: z.object({ id: z.uuid(), name: z.string() }),
    approver: personRef.nullable(),
    approvalDueAt: z.string().nullable(),
    overdue: z.boolean(),
    ownerDecidedAt: z.string().nullable(),
    ownerReason: z.string().nullable(),
    askedAt: z.string().nullable(),
    askExpiresAt: z.string().nullable(),
    advocateRespondedAt: z.string().nullable(),
    advocateReason: z.string().nullable(),
    proposedDates: z.array(z.object({ startsAt: z.string(), note: z.string().optional() })),
    scheduledAt: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    meetingDetails: z.string().nullable(),
    activity: z
      .object({
        id: z.uuid(),
        status: z.enum(ACTIVITY_STATUSES),
        occursOn: z.string(),
        debriefs: z.array(z.object({ side: z.enum(['requester', 'advocate']), happened: z.boolean(), metNeeds: z.number().int().nullable(), submittedAt: z.string() })),
      })
      .nullable(),
    allowedActions: z.array(z.enum(CANDIDATE_ACTIONS)),
  })
  .meta({ id: 'RequestCandidate' });

export const timelineEventSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    at: z.string(),
    actor: z.object({ kind: z.enum(['user', 'advocate', 'system']), name: z.string().nullable() }),
    candidateId: z.uuid().nullable(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    reason: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' });

export const requestDetailSchema = requestSummarySchema
  .extend({
    opportunity: z
      .object({
        id: z.uuid(),
        name: z.string(),
        prospectName: z.string(),
        stageKey: z.string(),
        stageLabel: z.string().nullable(),
        amountUsd: z.number().nullable(),
        closeDate: z.string().nullable(),
      })
      .nullable(),
    criteria: z.array(criterionSchema),
    topicKeys: z.array(z.string()),
    note: z.string().nullable(),
    rushJustification: z.string().nullable(),
    readinessGaps: z.array(readinessGapSchema),
    readinessOverrideReason: z.string().nullable(),
    estimatedBusinessDays: z.number().int().nullable(),
    endReason: z.enum(END_REASONS).nullable(),
    endNote: z.string().nullable(),
    fulfilledAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    redoOfRequestId: z.uuid().nullable(),
    selectionMode: z.enum(SELECTION_MODES),
    candidates: z.array(candidateSchema),
    timeline: z.array(timelineEventSchema),
    allowedActions: z.array(z.enum(REQUEST_ACTIONS)),
  })
  .meta({ id: 'RequestDetail' });

export type RequestSummaryView = z.infer<typeof requestSummarySchema>;
export type RequestDetailView = z.infer<typeof requestDetailSchema>;

export function presentRequestSummary(item: RequestListItem): RequestSummaryView {
  const r = item.request;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    activityTypeKey: r.activityTypeKey,
    purpose: r.purpose,
    team: r.team,
    requester: { id: r.requesterUserId, name: item.requesterName },
    opportunity: item.opportunity,
    prospect: r.prospect,
    neededBy: r.neededBy,
    referencesNeeded: r.referencesNeeded,
    rush: r.rush,
    createdAt: r.createdAt.toISOString(),
    submittedAt: iso(r.submittedAt),
    candidateCounts: item.candidateCounts,
  };
}

interface StoredExplanation {
  factors?: z.infer<typeof matchFactorSchema>[];
  lastUsedOn?: string | null;
}

export function presentCandidate(detail: CandidateDetail, now: Date): z.infer<typeof candidateSchema> {
  const c = detail.candidate;
  const explanation = (c.explanation ?? {}) as StoredExplanation;
  return {
    id: c.id,
    status: c.status,
    score: c.score,
    factors: explanation.factors ?? [],
    lastUsedOn: explanation.lastUsedOn ?? null,
    advocate: {
      id: detail.advocate.id,
      name: `${detail.advocate.firstName} ${detail.advocate.lastName}`,
      title: detail.advocate.title,
      seniorityKey: detail.advocate.seniorityKey,
      functionKey: detail.advocate.functionKey,
      country: detail.advocate.country,
      timeZone: detail.advocate.timeZone,
    },
    account: detail.account,
    approver: detail.approver,
    approvalDueAt: iso(c.approvalDueAt),
    overdue: c.status === 'owner_pending' && c.approvalDueAt !== null && c.approvalDueAt.getTime() < now.getTime(),
    ownerDecidedAt: iso(c.ownerDecidedAt),
    ownerReason: c.ownerReason,
    askedAt: iso(c.askedAt),
    askExpiresAt: iso(c.askExpiresAt),
    advocateRespondedAt: iso(c.advocateRespondedAt),
    advocateReason: c.advocateReason,
    proposedDates: c.proposedDates,
    scheduledAt: iso(c.scheduledAt),
    durationMinutes: c.durationMinutes,
    meetingDetails: c.meetingDetails,
    activity: detail.activity
      ? {
          id: detail.activity.activity.id,
          status: detail.activity.activity.status,
          occursOn: detail.activity.activity.occursOn,
          debriefs: detail.activity.debriefs.map((d) => ({ side: d.side, happened: d.happened, metNeeds: d.metNeeds, submittedAt: d.submittedAt.toISOString() })),
        }
      : null,
    allowedActions: detail.allowedActions,
  };
}

function presentEvent(entry: TimelineEntry): z.infer<typeof timelineEventSchema> {
  const e = entry.event;
  return {
    id: e.id,
    kind: e.kind,
    at: e.at.toISOString(),
    actor: { kind: e.actorKind, name: e.actorKind === 'user' ? entry.actorName : e.actorKind === 'advocate' ? 'The advocate' : 'Vouch' },
    candidateId: e.candidateId,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    reason: e.reason,
    data: e.data,
  };
}

export function presentRequestDetail(detail: RequestDetail, now: Date): RequestDetailView {
  const r = detail.request;
  const counts: Partial<Record<(typeof CANDIDATE_STATUSES)[number], number>> = {};
  for (const c of detail.candidates) counts[c.candidate.status] = (counts[c.candidate.status] ?? 0) + 1;
  return {
    ...presentRequestSummary({ request: r, requesterName: detail.requester.name, opportunity: null, candidateCounts: counts }),
    opportunity: detail.opportunity
      ? {
          id: detail.opportunity.id,
          name: detail.opportunity.name,
          prospectName: detail.opportunity.prospectName,
          stageKey: detail.opportunity.stageKey,
          stageLabel: detail.opportunity.stageLabel,
          amountUsd: detail.opportunity.amountUsd,
          closeDate: detail.opportunity.closeDate,
        }
      : null,
    criteria: r.criteria,
    topicKeys: r.topicKeys,
    note: r.note,
    rushJustification: r.rushJustification,
    readinessGaps: r.readinessGaps as z.infer<typeof readinessGapSchema>[],
    readinessOverrideReason: r.readinessOverrideReason,
    estimatedBusinessDays: r.estimatedBusinessDays,
    endReason: (r.endReason as (typeof END_REASONS)[number] | null) ?? null,
    endNote: r.endNote,
    fulfilledAt: iso(r.fulfilledAt),
    closedAt: iso(r.closedAt),
    redoOfRequestId: r.redoOfRequestId,
    selectionMode: detail.selectionMode,
    candidates: detail.candidates.map((c) => presentCandidate(c, now)),
    timeline: detail.timeline.map(presentEvent),
    allowedActions: detail.allowedActions,
  };
}

export const requestPreviewSchema = z
  .object({
    readiness: z.object({ ready: z.boolean(), gaps: z.array(readinessGapSchema), meanwhile: z.array(z.string()) }),
    leadTime: z.object({
      minimumBusinessDays: z.number().int(),
      availableBusinessDays: z.number().int(),
      rush: z.boolean(),
      inPast: z.boolean(),
      earliestDate: z.string(),
      message: z.string(),
    }),
    estimate: z.object({ medianBusinessDays: z.number(), sampleSize: z.number().int(), basis: z.enum(['type_and_region', 'type', 'all']) }).nullable(),
    estimateMessage: z.string(),
    selectionMode: z.enum(SELECTION_MODES),
    prospect: prospectSchema,
    gate: z.object({ minStageKey: z.string().nullable(), requiredFacts: z.array(z.string()) }),
    minimumLeadTimeBusinessDays: z.number().int(),
    rushJustificationRequired: z.boolean(),
  })
  .meta({ id: 'RequestPreview' });

export function presentPreview(preview: RequestPreview): z.infer<typeof requestPreviewSchema> {
  return { ...preview, readiness: { ...preview.readiness, gaps: preview.readiness.gaps as z.infer<typeof readinessGapSchema>[] } };
}
