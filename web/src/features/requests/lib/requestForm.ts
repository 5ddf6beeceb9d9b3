import type { Criterion, CriterionKind, ProspectProfile, RequestCriteria } from '@domain/requests/criteria';
import { businessDateAfter } from '@domain/requests/business-days';
import { bandFor, COMPANY_SIZE_BANDS } from '@domain/taxonomy/program-facets';
import type { OpportunityForRequest } from '../api/opportunity';
import type { MatchPreviewInput, RequestDetail, RequestInput, RequestPreviewInput } from '../api/types';

/** The criteria the form offers, in this order; a row without values is left out of the request. */
export const FORM_CRITERIA: readonly CriterionKind[] = [
  'industry',
  'company_size',
  'country',
  'product',
  'use_case',
  'seniority',
  'function',
  'language',
];

export interface CriterionRow {
  kind: CriterionKind;
  values: string[];
  mustHave: boolean;
}

export interface RequestFormValues {
  purpose: string;
  activityTypeKey: string;
  prospectName: string;
  industryKey: string;
  employeeCount: number | string;
  country: string;
  productKeys: string[];
  contactSeniorityKey: string;
  contactFunctionKey: string;
  criteria: CriterionRow[];
  topicKeys: string[];
  neededBy: string;
  referencesNeeded: number;
  note: string;
  rushJustification: string;
  pickedAdvocateIds: string[];
  /** Criteria of kinds the form has no row for (set elsewhere): kept as they are. */
  otherCriteria: Criterion[];
}

/** Ten business days ahead: inside most lead times' comfort zone; the live check says if not. */
export function defaultNeededBy(now: Date = new Date()): string {
  return businessDateAfter(now, 10);
}

function emptyCriteria(): CriterionRow[] {
  return FORM_CRITERIA.map((kind) => ({ kind, values: [], mustHave: false }));
}

export function initialRequestValues(options: { marketing: boolean; now?: Date }): RequestFormValues {
  return {
    purpose: '',
    activityTypeKey: options.marketing ? '' : 'reference_call',
    prospectName: '',
    industryKey: '',
    employeeCount: '',
    country: '',
    productKeys: [],
    contactSeniorityKey: '',
    contactFunctionKey: '',
    criteria: emptyCriteria(),
    topicKeys: [],
    neededBy: defaultNeededBy(options.now),
    referencesNeeded: 1,
    note: '',
    rushJustification: '',
    pickedAdvocateIds: [],
    otherCriteria: [],
  };
}

/** A draft or blocked request back in the form, to change it. */
export function valuesFromRequest(request: RequestDetail): RequestFormValues {
  const base = initialRequestValues({ marketing: request.opportunity === null });
  const byKind = new Map(request.criteria.map((criterion) => [criterion.kind, criterion]));
  const { prospect } = request;
  return {
    ...base,
    purpose: request.purpose ?? '',
    activityTypeKey: request.activityTypeKey,
    prospectName: prospect.name ?? '',
    industryKey: prospect.industryKey ?? '',
    employeeCount: prospect.employeeCount ?? '',
    country: prospect.country ?? '',
    productKeys: [...(prospect.productKeys ?? [])],
    contactSeniorityKey: prospect.contactSeniorityKey ?? '',
    contactFunctionKey: prospect.contactFunctionKey ?? '',
    criteria: base.criteria.map((row) => {
      const criterion = byKind.get(row.kind);
      return criterion ? { kind: row.kind, values: [...criterion.values], mustHave: criterion.mustHave } : row;
    }),
    otherCriteria: request.criteria.filter((criterion) => !FORM_CRITERIA.includes(criterion.kind)),
    topicKeys: [...request.topicKeys],
    neededBy: request.neededBy,
    referencesNeeded: request.referencesNeeded,
    note: request.note ?? '',
    rushJustification: request.rushJustification ?? '',
  };
}

function withCriterion(rows: CriterionRow[], kind: CriterionKind, values: string[]): CriterionRow[] {
  return rows.map((row) => (row.kind === kind ? { ...row, values } : row));
}

/** The prospect's size band, as the company_size taxonomy keys it. */
export function sizeBandOf(employeeCount: number | null | undefined): string | null {
  return bandFor(COMPANY_SIZE_BANDS, 'employees', employeeCount);
}

/** The form prefilled from the opportunity: the prospect, and an ideal reference that looks like it. */
export function prefillFromOpportunity(values: RequestFormValues, opportunity: OpportunityForRequest): RequestFormValues {
  let criteria = values.criteria;
  if (opportunity.prospectIndustryKey) criteria = withCriterion(criteria, 'industry', [opportunity.prospectIndustryKey]);
  const band = sizeBandOf(opportunity.prospectEmployeeCount);
  if (band) criteria = withCriterion(criteria, 'company_size', [band]);
  if (opportunity.prospectCountry) criteria = withCriterion(criteria, 'country', [opportunity.prospectCountry]);
  if (opportunity.productKeys.length > 0) criteria = withCriterion(criteria, 'product', [...opportunity.productKeys]);
  return {
    ...values,
    prospectName: opportunity.prospectName,
    industryKey: opportunity.prospectIndustryKey ?? '',
    employeeCount: opportunity.prospectEmployeeCount ?? '',
    country: opportunity.prospectCountry ?? '',
    productKeys: [...opportunity.productKeys],
    criteria,
  };
}

/**
 * When the prospect contact's seniority or function is chosen, an untouched persona criterion
 * follows it (a VP wants a peer); one the person already edited stays as they left it.
 */
export function followContact(rows: CriterionRow[], kind: 'seniority' | 'function', previous: string, next: string): CriterionRow[] {
  return rows.map((row) => {
    if (row.kind !== kind) return row;
    const untouched = row.values.length === 0 || (row.values.length === 1 && row.values[0] === previous);
    return untouched ? { ...row, values: next ? [next] : [] } : row;
  });
}

function employeeCountOf(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : undefined;
  const parsed = Number(value.replace(/[^\d]/g, ''));
  return value.trim() !== '' && Number.isFinite(parsed) && parsed > 0 ? parsed : undefined;
}

export function prospectOf(values: RequestFormValues): ProspectProfile {
  const prospect: ProspectProfile = {};
  if (values.prospectName.trim()) prospect.name = values.prospectName.trim();
  if (values.industryKey) prospect.industryKey = values.industryKey;
  const employees = employeeCountOf(values.employeeCount);
  if (employees !== undefined) prospect.employeeCount = employees;
  if (values.country) prospect.country = values.country;
  if (values.contactSeniorityKey) prospect.contactSeniorityKey = values.contactSeniorityKey;
  if (values.contactFunctionKey) prospect.contactFunctionKey = values.contactFunctionKey;
  if (values.productKeys.length > 0) prospect.productKeys = [...values.productKeys];
  return prospect;
}

export function criteriaOf(values: RequestFormValues): RequestCriteria {
  return [
    ...values.criteria.filter((row) => row.values.length > 0).map((row) => ({ kind: row.kind, values: [...row.values], mustHave: row.mustHave })),
    ...values.otherCriteria,
  ];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the live readiness and lead-time check needs; null until an activity type and a date are chosen. */
export function previewInputOf(values: RequestFormValues, opportunityId: string | null): RequestPreviewInput | null {
  if (!values.activityTypeKey || !ISO_DATE.test(values.neededBy)) return null;
  return { opportunityId, activityTypeKey: values.activityTypeKey, neededBy: values.neededBy, prospect: prospectOf(values) };
}

export function matchInputOf(values: RequestFormValues, opportunityId: string | null): MatchPreviewInput | null {
  if (!values.activityTypeKey || !ISO_DATE.test(values.neededBy)) return null;
  return {
    activityTypeKey: values.activityTypeKey,
    neededBy: values.neededBy,
    prospect: prospectOf(values),
    criteria: criteriaOf(values),
    topicKeys: [...values.topicKeys],
    opportunityId,
    needed: Math.max(1, values.referencesNeeded),
  };
}

export function requestInputOf(
  values: RequestFormValues,
  options: { opportunityId: string | null; rush: boolean; submit: boolean; picks: boolean },
): RequestInput {
  return {
    opportunityId: options.opportunityId,
    purpose: values.purpose || null,
    activityTypeKey: values.activityTypeKey,
    prospect: prospectOf(values),
    criteria: criteriaOf(values),
    topicKeys: [...values.topicKeys],
    neededBy: values.neededBy,
    referencesNeeded: values.referencesNeeded,
    note: values.note.trim() || null,
    rushJustification: options.rush ? values.rushJustification.trim() || null : null,
    submit: options.submit,
    ...(options.submit && options.picks && values.pickedAdvocateIds.length > 0 ? { pickedAdvocateIds: [...values.pickedAdvocateIds] } : {}),
  };
}

/** Server field paths → form inputs (the request nests the prospect; the form does not). */
export const REQUEST_FIELD_ALIASES: Readonly<Record<string, string>> = {
  'prospect.name': 'prospectName',
  'prospect.industryKey': 'industryKey',
  'prospect.employeeCount': 'employeeCount',
  'prospect.country': 'country',
  'prospect.productKeys': 'productKeys',
  'prospect.contactSeniorityKey': 'contactSeniorityKey',
  'prospect.contactFunctionKey': 'contactFunctionKey',
  advocateIds: 'pickedAdvocateIds',
  criteria: 'criteria',
};
