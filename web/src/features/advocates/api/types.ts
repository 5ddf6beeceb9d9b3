import type { AdvocateStatus } from '@domain/advocate-lifecycle';
import type { Freshness } from '@domain/advocate-freshness';
import type { ReferenceStatus } from '@/features/accounts/api/types';

export type Willingness = 'yes' | 'ask_first' | 'no';
export type Orientation = 'technical' | 'business';

export interface ConsentRecord {
  at: string;
  method: string;
  scope: string[];
  notes?: string;
}

export interface Blackout {
  id: string;
  startsOn: string;
  endsOn: string;
  reason: string | null;
}

/** An advocate's profile. E-mail and phone never appear: only whether they exist and may be revealed. */
export interface Advocate {
  id: string;
  account: { id: string; name: string };
  firstName: string;
  lastName: string;
  name: string;
  title: string | null;
  seniorityKey: string | null;
  functionKey: string | null;
  orientation: Orientation | null;
  country: string | null;
  timeZone: string | null;
  languageKeys: string[];
  topicKeys: string[];
  useCaseKeys: string[];
  productKeys: string[];
  story: { situation: string | null; solution: string | null; outcomes: string | null };
  personalityNotes: string | null;
  /** Activity type key → willingness; a missing key means "ask first". */
  willingness: Record<string, Willingness>;
  personalCap: number | null;
  status: AdvocateStatus;
  consent: ConsentRecord | null;
  lastVerifiedAt: string | null;
  freshness: Freshness;
  points: number;
  crmId: string | null;
  contact: { hasEmail: boolean; hasPhone: boolean; canReveal: boolean };
  blackouts: Blackout[];
  createdAt: string;
  updatedAt: string;
}

export interface RevealedContact {
  email: string | null;
  phone: string | null;
}

/** What create and update accept; `null` clears a field. Update sends only what changed. */
export interface AdvocateInput {
  accountId?: string;
  firstName?: string;
  lastName?: string;
  email?: string | null;
  phone?: string | null;
  title?: string | null;
  seniorityKey?: string | null;
  functionKey?: string | null;
  orientation?: Orientation | null;
  country?: string | null;
  timeZone?: string | null;
  languageKeys?: string[];
  topicKeys?: string[];
  useCaseKeys?: string[];
  productKeys?: string[];
  storySituation?: string | null;
  storySolution?: string | null;
  storyOutcomes?: string | null;
  personalityNotes?: string | null;
  willingness?: Record<string, Willingness>;
  personalCap?: number | null;
  consent?: ConsentRecord | null;
  lastVerifiedAt?: string | null;
  points?: number;
  crmId?: string | null;
  blackouts?: { startsOn: string; endsOn: string; reason?: string | null }[];
  /** Create only. */
  status?: AdvocateStatus;
  allowDuplicateName?: boolean;
}

/** The account facts a search hit carries. */
export interface SearchHitAccount {
  id: string;
  name: string;
  industryKey: string | null;
  hqCountry: string | null;
  employeeCount: number | null;
  companySize: string | null;
  referenceStatus: ReferenceStatus;
}

export interface SearchHit {
  advocate: Advocate;
  account: SearchHitAccount;
  /** Text relevance, when searching words. */
  rank: number | null;
}

export interface FacetCount {
  key: string;
  count: number;
}

export interface SearchResponse {
  items: SearchHit[];
  nextCursor: string | null;
  total: number;
  /** Keyed by filter parameter name (`topic`, `useCase`…). */
  facets: Partial<Record<string, FacetCount[]>>;
}
