import { z } from 'zod';
import { DEPLOYMENTS, REFERENCE_STATUSES } from '../../../db/schema/index.js';
import { ADVOCATE_STATUSES } from '../../../domain/advocate-lifecycle.js';
import { bandFor, COMPANY_SIZE_BANDS, REVENUE_BANDS } from '../../../domain/taxonomy/program-facets.js';
import type { AccountDetail, AccountWithOwner } from '../../../services/accounts/account-fields.js';

export const accountSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    industryKey: z.string().nullable(),
    annualRevenueUsd: z.number().nullable(),
    /** revenue_band taxonomy key derived from annualRevenueUsd. */
    revenueBand: z.string().nullable(),
    employeeCount: z.number().int().nullable(),
    /** company_size taxonomy key derived from employeeCount. */
    companySize: z.string().nullable(),
    hqCountry: z.string().nullable(),
    productKeys: z.array(z.string()),
    useCaseKeys: z.array(z.string()),
    deployment: z.enum(DEPLOYMENTS).nullable(),
    goLiveDate: z.string().nullable(),
    seats: z.number().int().nullable(),
    customerSince: z.string().nullable(),
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    referenceStatus: z.enum(REFERENCE_STATUSES),
    restrictionReason: z.string().nullable(),
    usageCap: z.number().nullable(),
    crmId: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Account' });

export const accountDetailSchema = accountSchema
  .extend({
    advocateCount: z.number().int(),
    advocatesByStatus: z.record(z.enum(ADVOCATE_STATUSES), z.number().int()),
  })
  .meta({ id: 'AccountDetail' });

export type AccountView = z.infer<typeof accountSchema>;
export type AccountDetailView = z.infer<typeof accountDetailSchema>;

export function presentAccount({ account, owner }: AccountWithOwner): AccountView {
  return {
    id: account.id,
    name: account.name,
    industryKey: account.industryKey,
    annualRevenueUsd: account.annualRevenueUsd,
    revenueBand: bandFor(REVENUE_BANDS, 'revenue', account.annualRevenueUsd),
    employeeCount: account.employeeCount,
    companySize: bandFor(COMPANY_SIZE_BANDS, 'employees', account.employeeCount),
    hqCountry: account.hqCountry,
    productKeys: account.productKeys,
    useCaseKeys: account.useCaseKeys,
    deployment: account.deployment,
    goLiveDate: account.goLiveDate,
    seats: account.seats,
    customerSince: account.customerSince,
    owner,
    referenceStatus: account.referenceStatus,
    restrictionReason: account.restrictionReason,
    usageCap: account.usageCap,
    crmId: account.crmId,
    notes: account.notes,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
  };
}

export function presentAccountDetail(detail: AccountDetail): AccountDetailView {
  return { ...presentAccount(detail), advocateCount: detail.advocateCount, advocatesByStatus: detail.advocatesByStatus };
}
