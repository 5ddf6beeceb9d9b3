import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { pipelineStages, referenceRequests, taxonomyValues, type OpportunityRow } from '../../db/schema/index.js';
import { businessDaysBetween, toIsoDate } from '../../domain/requests/business-days.js';
import { describeFulfilmentEstimate, estimateFulfilment, type FulfilmentEstimate, type FulfilmentSample } from '../../domain/requests/fulfilment-estimate.js';
import { checkLeadTime, type LeadTimeResult } from '../../domain/requests/lead-time.js';
import { leadTimeFor, readinessGateFor, selectionModeFor, type ProgramPolicy, type SelectionMode } from '../../domain/requests/program-policy.js';
import { evaluateReadiness, type ReadinessResult, type StageRef } from '../../domain/requests/readiness.js';
import { countryFacts } from '../../domain/taxonomy/geography.js';

/** What the request form shows live, and what submitting decides on. */
export interface RequestChecks {
  readiness: ReadinessResult;
  leadTime: LeadTimeResult;
  estimate: FulfilmentEstimate | null;
  /** "Similar requests (reference calls in Europe) took a median of 6 business days (12 requests)." */
  estimateMessage: string;
  selectionMode: SelectionMode;
}

/** The region (UN region) of a prospect's country, the grain of the fulfilment history. */
export function regionOf(country: string | null | undefined): string | null {
  return country ? (countryFacts(country)?.region ?? null) : null;
}

export async function loadPipelineStages(db: Executor): Promise<StageRef[]> {
  const rows = await db
    .select({ key: pipelineStages.key, label: pipelineStages.label, position: pipelineStages.position })
    .from(pipelineStages)
    .where(isNull(pipelineStages.retiredAt))
    .orderBy(asc(pipelineStages.position));
  return rows;
}

/** An activity type's label ("Reference call"), or its key when unknown. */
export async function activityLabelOf(db: Executor, key: string): Promise<string> {
  const [row] = await db
    .select({ label: taxonomyValues.label })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, 'activity_type'), eq(taxonomyValues.key, key)))
    .limit(1);
  return row?.label ?? key;
}

/** "A reference call", "an analyst briefing". */
export function withArticle(label: string, capital: boolean): string {
  const article = /^[aeiou]/i.test(label) ? 'an' : 'a';
  return `${capital ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${label.toLowerCase()}`;
}

/** How many recent fulfilled requests the estimate learns from. */
const HISTORY_LIMIT = 2000;

/**
 * Business days from submission to fulfilment of the most recent fulfilled (or closed after
 * being fulfilled) requests, with their activity type and prospect region.
 */
export async function loadFulfilmentHistory(db: Executor): Promise<FulfilmentSample[]> {
  const rows = await db
    .select({
      activityTypeKey: referenceRequests.activityTypeKey,
      prospect: referenceRequests.prospect,
      submittedAt: referenceRequests.submittedAt,
      fulfilledAt: referenceRequests.fulfilledAt,
    })
    .from(referenceRequests)
    .where(and(inArray(referenceRequests.status, ['fulfilled', 'closed']), isNotNull(referenceRequests.submittedAt), isNotNull(referenceRequests.fulfilledAt)))
    .orderBy(desc(referenceRequests.fulfilledAt))
    .limit(HISTORY_LIMIT);
  return rows.flatMap((r) =>
    r.submittedAt && r.fulfilledAt
      ? [
          {
            activityTypeKey: r.activityTypeKey,
            region: regionOf(r.prospect.country),
            businessDays: Math.max(0, businessDaysBetween(r.submittedAt, toIsoDate(r.fulfilledAt))),
          },
        ]
      : [],
  );
}

/** The readiness gate, the lead time and the fulfilment estimate for a request as it stands. */
export async function evaluateRequestChecks(
  db: Executor,
  policy: ProgramPolicy,
  request: { activityTypeKey: string; neededBy: string; prospect: { country?: string } },
  opportunity: OpportunityRow | null,
  now: Date,
): Promise<RequestChecks> {
  const stages = await loadPipelineStages(db);
  const label = await activityLabelOf(db, request.activityTypeKey);
  const readiness = evaluateReadiness(
    opportunity
      ? {
          stageKey: opportunity.stageKey,
          decisionMakerBuyIn: opportunity.decisionMakerBuyIn,
          technicalApproval: opportunity.technicalApproval,
          budgetConfirmed: opportunity.budgetConfirmed,
          finalist: opportunity.finalist,
        }
      : null,
    readinessGateFor(policy, request.activityTypeKey),
    stages,
    { activityLabel: withArticle(label, true) },
  );
  const leadTime = checkLeadTime(now, request.neededBy, leadTimeFor(policy, request.activityTypeKey), { activityLabel: withArticle(label, false) });
  const region = regionOf(request.prospect.country);
  const estimate = estimateFulfilment(await loadFulfilmentHistory(db), request.activityTypeKey, region);
  const estimateMessage = describeFulfilmentEstimate(estimate, { activityPlural: `${label.toLowerCase()}s`, region });
  return { readiness, leadTime, estimate, estimateMessage, selectionMode: selectionModeFor(policy, request.activityTypeKey) };
}
