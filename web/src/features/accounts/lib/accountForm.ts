import type { Account, AccountInput, Deployment, ReferenceStatus } from '../api/types';
import { DEPLOYMENTS } from '../api/types';

/** Form values: text inputs hold '' for "not set", number inputs '' too. */
export interface AccountFormValues {
  name: string;
  industryKey: string;
  hqCountry: string;
  annualRevenueUsd: number | string;
  employeeCount: number | string;
  productKeys: string[];
  useCaseKeys: string[];
  deployment: string;
  goLiveDate: string;
  seats: number | string;
  customerSince: string;
  ownerUserId: string;
  referenceStatus: ReferenceStatus;
  restrictionReason: string;
  usageCap: number | string;
  crmId: string;
  notes: string;
}

export function accountFormValues(account?: Account | null): AccountFormValues {
  return {
    name: account?.name ?? '',
    industryKey: account?.industryKey ?? '',
    hqCountry: account?.hqCountry ?? '',
    annualRevenueUsd: account?.annualRevenueUsd ?? '',
    employeeCount: account?.employeeCount ?? '',
    productKeys: [...(account?.productKeys ?? [])],
    useCaseKeys: [...(account?.useCaseKeys ?? [])],
    deployment: account?.deployment ?? '',
    goLiveDate: account?.goLiveDate ?? '',
    seats: account?.seats ?? '',
    customerSince: account?.customerSince ?? '',
    ownerUserId: account?.owner?.id ?? '',
    referenceStatus: account?.referenceStatus ?? 'referenceable',
    restrictionReason: account?.restrictionReason ?? '',
    usageCap: account?.usageCap ?? '',
    crmId: account?.crmId ?? '',
    notes: account?.notes ?? '',
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
/** A number input's value as a number; null when empty or not a number. */
export const toNumber = (value: number | string): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};
const isDeployment = (value: string): value is Deployment => (DEPLOYMENTS as readonly string[]).includes(value);

/** Everything the form holds, as the API takes it. */
export function accountInputFrom(values: AccountFormValues): Required<Omit<AccountInput, 'allowDuplicateName'>> {
  return {
    name: values.name.trim(),
    industryKey: text(values.industryKey),
    hqCountry: text(values.hqCountry),
    annualRevenueUsd: toNumber(values.annualRevenueUsd),
    employeeCount: toNumber(values.employeeCount),
    productKeys: values.productKeys,
    useCaseKeys: values.useCaseKeys,
    deployment: isDeployment(values.deployment) ? values.deployment : null,
    goLiveDate: text(values.goLiveDate),
    seats: toNumber(values.seats),
    customerSince: text(values.customerSince),
    ownerUserId: text(values.ownerUserId),
    referenceStatus: values.referenceStatus,
    // A reason only means something while the account is restricted.
    restrictionReason: values.referenceStatus === 'restricted' ? text(values.restrictionReason) : null,
    usageCap: toNumber(values.usageCap),
    crmId: text(values.crmId),
    notes: text(values.notes),
  };
}

/** Only the fields that differ from what was loaded (PATCH semantics). */
export function changedAccountInput(before: AccountFormValues, after: AccountFormValues): AccountInput {
  const a = accountInputFrom(before);
  const b = accountInputFrom(after);
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(b) as (keyof typeof b)[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changes[key] = b[key];
  }
  return changes as AccountInput;
}

function wholeNumber(min: number) {
  return (value: number | string) => {
    if (value === '') return null;
    const n = toNumber(value);
    return n !== null && Number.isInteger(n) && n >= min ? null : `Enter a whole number of ${min} or more, or leave empty`;
  };
}

export const accountValidation = {
  name: (value: string) => {
    if (value.trim() === '') return 'Enter the company name';
    return value.trim().length > 200 ? 'Keep the name under 200 characters' : null;
  },
  restrictionReason: (value: string, values: AccountFormValues) =>
    values.referenceStatus === 'restricted' && value.trim() === ''
      ? 'Say why the account is restricted, so sellers know what to avoid'
      : null,
  goLiveDate: (value: string, values: AccountFormValues) =>
    value && values.customerSince && value < values.customerSince ? 'Go-live cannot be before "Customer since"' : null,
  employeeCount: wholeNumber(1),
  annualRevenueUsd: wholeNumber(0),
  seats: wholeNumber(0),
  usageCap: (value: number | string) => {
    if (value === '') return null;
    const n = toNumber(value);
    return n !== null && n >= 0 && n < 1_000_000 ? null : 'Enter a number of 0 or more, or leave empty';
  },
};
