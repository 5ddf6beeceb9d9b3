import type { AdvocateStatus } from '@domain/advocate-lifecycle';

export const REFERENCE_STATUSES = ['referenceable', 'restricted', 'not_referenceable'] as const;
export type ReferenceStatus = (typeof REFERENCE_STATUSES)[number];

export const DEPLOYMENTS = ['cloud', 'on_premises', 'hybrid'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

export interface AccountOwner {
  id: string;
  name: string;
  email: string;
}

/** A customer company, as `GET /api/accounts` returns it. */
export interface Account {
  id: string;
  name: string;
  industryKey: string | null;
  annualRevenueUsd: number | null;
  /** revenue_band key derived from the revenue. */
  revenueBand: string | null;
  employeeCount: number | null;
  /** company_size key derived from the employee count. */
  companySize: string | null;
  hqCountry: string | null;
  productKeys: string[];
  useCaseKeys: string[];
  deployment: Deployment | null;
  goLiveDate: string | null;
  seats: number | null;
  customerSince: string | null;
  owner: AccountOwner | null;
  referenceStatus: ReferenceStatus;
  restrictionReason: string | null;
  usageCap: number | null;
  crmId: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountDetail extends Account {
  advocateCount: number;
  advocatesByStatus: Record<AdvocateStatus, number>;
}

/** What create and update accept; `null` clears a field. */
export interface AccountInput {
  name?: string;
  industryKey?: string | null;
  annualRevenueUsd?: number | null;
  employeeCount?: number | null;
  hqCountry?: string | null;
  productKeys?: string[];
  useCaseKeys?: string[];
  deployment?: Deployment | null;
  goLiveDate?: string | null;
  seats?: number | null;
  customerSince?: string | null;
  ownerUserId?: string | null;
  referenceStatus?: ReferenceStatus;
  restrictionReason?: string | null;
  usageCap?: number | null;
  crmId?: string | null;
  notes?: string | null;
  allowDuplicateName?: boolean;
}

export interface AccountFilters {
  q: string;
  industry: string;
  country: string;
  ownerId: string;
  referenceStatus: ReferenceStatus | '';
}
