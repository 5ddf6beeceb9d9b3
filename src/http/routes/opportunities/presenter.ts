import { z } from 'zod';
import { OPPORTUNITY_OUTCOMES } from '../../../db/schema/index.js';
import { READINESS_FACTS } from '../../../domain/requests/program-policy.js';
import { bandFor, COMPANY_SIZE_BANDS, REVENUE_BANDS } from '../../../domain/taxonomy/program-facets.js';
import type { OpportunityDetail } from '../../../services/opportunities/get-opportunity.js';
import type { OpportunityWithRefs } from '../../../services/opportunities/opportunity-fields.js';

const readinessGapSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('stage'),
    requiredStageKey: z.string(),
    requiredStageLabel: z.string(),
    currentStageLabel: z.string(),
    message: z.string(),
  }),
  z.object({ kind: z.literal('fact'), fact: z.enum(READINESS_FACTS), message: z.string() }),
]).meta({ id: 'ReadinessGap' });

export const opportunitySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prospectName: z.string(),
    prospectIndustryKey: z.string().nullable(),
    prospectEmployeeCount: z.number().int().nullable(),
    /** company_size taxonomy key derived from prospectEmployeeCount. */
    prospectCompanySize: z.string().nullable(),
    prospectAnnualRevenueUsd: z.number().nullable(),
    /** revenue_band taxonomy key derived from prospectAnnualRevenueUsd. */
    prospectRevenueBand: z.string().nullable(),
    prospectCountry: z.string().nullable(),
    stageKey: z.string(),
    /** The stage as configured; null when the key names no stage. */
    stage: z.object({ key: z.string(), label: z.string(), position: z.number().int(), retired: z.boolean() }).nullable(),
    amountUsd: z.number().nullable(),
    closeDate: z.string().nullable(),
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    productKeys: z.array(z.string()),
    competitors: z.array(z.string()),
    excludedAccounts: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('Customer accounts that compete with the prospect: never matched'),
    decisionMakerBuyIn: z.boolean(),
    technicalApproval: z.boolean(),
    budgetConfirmed: z.boolean(),
    finalist: z.boolean(),
    outcome: z.enum(OPPORTUNITY_OUTCOMES),
    amountWonUsd: z.number().nullable(),
    closedOn: z.string().nullable(),
    lossReason: z.string().nullable(),
    crmId: z.string().nullable(),
    notes: z.string().nullable(),
    /** Whether the signed-in person may change this opportunity. */
    viewerCanEdit: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Opportunity' });

export const opportunityDetailSchema = opportunitySchema
  .extend({
    readiness: z
      .array(z.object({ activityTypeKey: z.string(), label: z.string(), ready: z.boolean(), gaps: z.array(readinessGapSchema) }))
      .describe('Readiness for each kind of reference sellers ask for, with what is missing'),
    meanwhile: z.array(z.string()).describe('What the seller can do while the deal is not ready'),
  })
  .meta({ id: 'OpportunityDetail' });

export type OpportunityView = z.infer<typeof opportunitySchema>;
export type OpportunityDetailView = z.infer<typeof opportunityDetailSchema>;

export function presentOpportunity({ opportunity: o, owner, stage, excludedAccounts }: OpportunityWithRefs, viewerCanEdit: boolean): OpportunityView {
  return {
    id: o.id,
    name: o.name,
    prospectName: o.prospectName,
    prospectIndustryKey: o.prospectIndustryKey,
    prospectEmployeeCount: o.prospectEmployeeCount,
    prospectCompanySize: bandFor(COMPANY_SIZE_BANDS, 'employees', o.prospectEmployeeCount),
    prospectAnnualRevenueUsd: o.prospectAnnualRevenueUsd,
    prospectRevenueBand: bandFor(REVENUE_BANDS, 'revenue', o.prospectAnnualRevenueUsd),
    prospectCountry: o.prospectCountry,
    stageKey: o.stageKey,
    stage,
    amountUsd: o.amountUsd,
    closeDate: o.closeDate,
    owner,
    productKeys: o.productKeys,
    competitors: o.competitors,
    excludedAccounts,
    decisionMakerBuyIn: o.decisionMakerBuyIn,
    technicalApproval: o.technicalApproval,
    budgetConfirmed: o.budgetConfirmed,
    finalist: o.finalist,
    outcome: o.outcome,
    amountWonUsd: o.amountWonUsd,
    closedOn: o.closedOn,
    lossReason: o.lossReason,
    crmId: o.crmId,
    notes: o.notes,
    viewerCanEdit,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}

export function presentOpportunityDetail(detail: OpportunityDetail, viewerCanEdit: boolean): OpportunityDetailView {
  return { ...presentOpportunity(detail, viewerCanEdit), readiness: detail.readiness, meanwhile: detail.meanwhile };
}
