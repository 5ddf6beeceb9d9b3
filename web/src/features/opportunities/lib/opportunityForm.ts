import type { Opportunity, OpportunityInput } from '../api/types';

/** Form values: text and number inputs hold '' for "not set". */
export interface OpportunityFormValues {
  name: string;
  prospectName: string;
  prospectIndustryKey: string;
  prospectCountry: string;
  prospectEmployeeCount: number | string;
  prospectAnnualRevenueUsd: number | string;
  stageKey: string;
  amountUsd: number | string;
  closeDate: string;
  ownerUserId: string;
  productKeys: string[];
  competitors: string[];
  excludedAccountIds: string[];
  crmId: string;
  notes: string;
}

export function opportunityFormValues(opportunity?: Opportunity | null, defaults: { stageKey?: string; ownerUserId?: string } = {}): OpportunityFormValues {
  return {
    name: opportunity?.name ?? '',
    prospectName: opportunity?.prospectName ?? '',
    prospectIndustryKey: opportunity?.prospectIndustryKey ?? '',
    prospectCountry: opportunity?.prospectCountry ?? '',
    prospectEmployeeCount: opportunity?.prospectEmployeeCount ?? '',
    prospectAnnualRevenueUsd: opportunity?.prospectAnnualRevenueUsd ?? '',
    stageKey: opportunity?.stageKey ?? defaults.stageKey ?? '',
    amountUsd: opportunity?.amountUsd ?? '',
    closeDate: opportunity?.closeDate ?? '',
    ownerUserId: opportunity?.owner?.id ?? defaults.ownerUserId ?? '',
    productKeys: [...(opportunity?.productKeys ?? [])],
    competitors: [...(opportunity?.competitors ?? [])],
    excludedAccountIds: (opportunity?.excludedAccounts ?? []).map((a) => a.id),
    crmId: opportunity?.crmId ?? '',
    notes: opportunity?.notes ?? '',
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
export const toNumber = (value: number | string): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};

/** Everything the form holds, as the API takes it (the owner only when one is picked). */
export function opportunityInputFrom(values: OpportunityFormValues): OpportunityInput & { name: string; prospectName: string; stageKey: string } {
  return {
    name: values.name.trim(),
    prospectName: values.prospectName.trim(),
    prospectIndustryKey: text(values.prospectIndustryKey),
    prospectCountry: text(values.prospectCountry),
    prospectEmployeeCount: toNumber(values.prospectEmployeeCount),
    prospectAnnualRevenueUsd: toNumber(values.prospectAnnualRevenueUsd),
    stageKey: values.stageKey,
    amountUsd: toNumber(values.amountUsd),
    closeDate: text(values.closeDate),
    ...(values.ownerUserId ? { ownerUserId: values.ownerUserId } : {}),
    productKeys: values.productKeys,
    competitors: values.competitors.map((c) => c.trim()).filter(Boolean),
    excludedAccountIds: values.excludedAccountIds,
    crmId: text(values.crmId),
    notes: text(values.notes),
  };
}

/** Only the fields that differ from what was loaded (PATCH semantics). */
export function changedOpportunityInput(before: OpportunityFormValues, after: OpportunityFormValues): OpportunityInput {
  const a = new Map(Object.entries(opportunityInputFrom(before)));
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(opportunityInputFrom(after))) if (JSON.stringify(a.get(key)) !== JSON.stringify(value)) changes[key] = value;
  return changes as OpportunityInput;
}

function wholeNumber(min: number, what: string) {
  return (value: number | string) => {
    if (value === '') return null;
    const n = toNumber(value);
    return n !== null && Number.isInteger(n) && n >= min ? null : `Enter ${what} as a whole number of ${min} or more, or leave empty`;
  };
}

export const opportunityValidation = {
  name: (value: string) => (value.trim() === '' ? 'Name the opportunity, e.g. "Globex – analytics platform"' : value.trim().length > 200 ? 'Keep the name under 200 characters' : null),
  prospectName: (value: string) => (value.trim() === '' ? 'Enter the prospect company' : value.trim().length > 200 ? 'Keep the name under 200 characters' : null),
  stageKey: (value: string) => (value === '' ? 'Pick the stage the deal is at' : null),
  prospectEmployeeCount: wholeNumber(1, 'employees'),
  prospectAnnualRevenueUsd: wholeNumber(0, 'revenue in dollars'),
  amountUsd: wholeNumber(0, 'the amount in dollars'),
};
