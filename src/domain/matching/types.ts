import type { CountedUse } from '../requests/caps.js';
import type { ProspectProfile, RequestCriteria } from '../requests/criteria.js';

/** An advocate's answer to "would you do this kind of activity?" (a missing key means ask first). */
export type Willingness = 'yes' | 'ask_first' | 'no';

/** What is being matched: the request side (DESIGN §4). Dates are 'YYYY-MM-DD'. */
export interface MatchRequest {
  activityTypeKey: string;
  neededBy: string;
  prospect: ProspectProfile;
  criteria: RequestCriteria;
  /** Topics the prospect needs put to rest. */
  topicKeys: string[];
  opportunityId: string | null;
  /** Customer accounts that compete with the prospect. */
  excludedAccountIds: string[];
}

/** The taxonomy facts matching reasons with, as plain data. */
export interface MatchTaxonomy {
  /** Industry key → its sector's key (null for a sector itself). */
  industryParents: Record<string, string | null>;
  /** Seniority key → rank (5 C-level … 1 individual contributor). */
  seniorityRanks: Record<string, number>;
  /** "facet key" → label, for the explanations (keys without a label show as they are). */
  labels: Record<string, string>;
}

/** Everything the rules and the score read about one advocate and their account. */
export interface CandidateFacts {
  advocateId: string;
  accountId: string;
  status: string;
  /** Activity type key → willingness; a missing key means "ask first". */
  willingness: Record<string, Willingness>;
  seniorityKey: string | null;
  functionKey: string | null;
  orientation: string | null;
  country: string | null;
  languageKeys: string[];
  topicKeys: string[];
  useCaseKeys: string[];
  productKeys: string[];
  lastVerifiedAt: string | null;
  personalCap: number | null;
  blackouts: { startsOn: string; endsOn: string; reason?: string | null }[];
  account: {
    industryKey: string | null;
    employeeCount: number | null;
    annualRevenueUsd: number | null;
    referenceStatus: string;
    restrictionReason: string | null;
    usageCap: number | null;
  };
  /** Counted uses (held, planned, happened) of the advocate and of the whole account near the date. */
  advocateUses: CountedUse[];
  accountUses: CountedUse[];
  /** The latest counted use, any date. */
  lastUsedOn: string | null;
  /** An activity or a live or secured candidate on a request of the same opportunity. */
  usedOnOpportunity: boolean;
  history: TrackHistory;
}

/** Past behaviour: asks answered or expired, asks accepted, requester debriefs rated for met needs. */
export interface TrackHistory {
  asked: number;
  accepted: number;
  rated: number;
  metNeeds: number;
}

/** The program's caps as matching applies them. */
export interface MatchCaps {
  windowDays: number;
  advocateUnits: number;
  accountUnits: number;
  restDays: number;
}
