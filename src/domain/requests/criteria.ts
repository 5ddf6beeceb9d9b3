/**
 * The ideal reference profile of a request (DESIGN §2, §4). Pure types shared by the request
 * form, matching and the database (`reference_requests.criteria`, `.prospect`).
 */
export const CRITERION_KINDS = [
  'industry',
  'sector',
  'country',
  'region',
  'language',
  'product',
  'use_case',
  'seniority',
  'function',
  'orientation',
  'company_size',
  'topic',
] as const;
export type CriterionKind = (typeof CRITERION_KINDS)[number];

/** One criterion: the advocate (or their account) should have one of `values`. */
export interface Criterion {
  kind: CriterionKind;
  /** Taxonomy keys (industry, ISO country, region key, …); `orientation` uses technical | business. */
  values: string[];
  /** A must-have is a hard rule; a nice-to-have only adds to the score. */
  mustHave: boolean;
}
export type RequestCriteria = Criterion[];

/** The prospect side of a request, copied from the opportunity or entered by marketing. */
export interface ProspectProfile {
  name?: string;
  industryKey?: string;
  employeeCount?: number;
  annualRevenueUsd?: number;
  country?: string;
  /** The prospect contact who will talk to the reference. */
  contactSeniorityKey?: string;
  contactFunctionKey?: string;
  productKeys?: string[];
}

/** Why a request ended without a reference (DESIGN §3), for the reports. */
export const END_REASONS = [
  'no_longer_needed',
  'on_hold',
  'owner_declined',
  'legal_declined',
  'service_issues',
  'contact_left',
  'contact_unresponsive',
  'no_match',
  'other',
] as const;
export type EndReason = (typeof END_REASONS)[number];
