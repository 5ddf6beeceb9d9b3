import type { ReadinessFact } from '@domain/requests/program-policy';

export const OPPORTUNITY_OUTCOMES = ['open', 'won', 'lost'] as const;
export type OpportunityOutcome = (typeof OPPORTUNITY_OUTCOMES)[number];
export const OPPORTUNITY_SORTS = ['updated', 'close_date', 'name', 'amount'] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

export interface StageSummary {
  key: string;
  label: string;
  position: number;
  retired: boolean;
}

/** A deal, as `GET /api/opportunities` returns it. */
export interface Opportunity {
  id: string;
  name: string;
  prospectName: string;
  prospectIndustryKey: string | null;
  prospectEmployeeCount: number | null;
  prospectCompanySize: string | null;
  prospectAnnualRevenueUsd: number | null;
  prospectRevenueBand: string | null;
  prospectCountry: string | null;
  stageKey: string;
  stage: StageSummary | null;
  amountUsd: number | null;
  closeDate: string | null;
  owner: { id: string; name: string; email: string } | null;
  productKeys: string[];
  competitors: string[];
  excludedAccounts: { id: string; name: string }[];
  decisionMakerBuyIn: boolean;
  technicalApproval: boolean;
  budgetConfirmed: boolean;
  finalist: boolean;
  outcome: OpportunityOutcome;
  amountWonUsd: number | null;
  closedOn: string | null;
  lossReason: string | null;
  crmId: string | null;
  notes: string | null;
  viewerCanEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export type ReadinessGap =
  | { kind: 'stage'; requiredStageKey: string; requiredStageLabel: string; currentStageLabel: string; message: string }
  | { kind: 'fact'; fact: ReadinessFact; message: string };

export interface OpportunityDetail extends Opportunity {
  readiness: { activityTypeKey: string; label: string; ready: boolean; gaps: ReadinessGap[] }[];
  meanwhile: string[];
}

/** What create and update accept; `null` clears a field. */
export interface OpportunityInput {
  name?: string;
  prospectName?: string;
  prospectIndustryKey?: string | null;
  prospectEmployeeCount?: number | null;
  prospectAnnualRevenueUsd?: number | null;
  prospectCountry?: string | null;
  stageKey?: string;
  amountUsd?: number | null;
  closeDate?: string | null;
  ownerUserId?: string;
  productKeys?: string[];
  competitors?: string[];
  excludedAccountIds?: string[];
  decisionMakerBuyIn?: boolean;
  technicalApproval?: boolean;
  budgetConfirmed?: boolean;
  finalist?: boolean;
  crmId?: string | null;
  notes?: string | null;
}

export interface OpportunityFilters {
  q: string;
  stage: string;
  outcome: OpportunityOutcome | '';
  mine: boolean;
  sort: OpportunitySort;
}
