import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { opportunities, type OpportunityRow } from '../../db/schema/index.js';
import { businessDaysBetween } from '../../domain/requests/business-days.js';
import type { CriterionKind, ProspectProfile, RequestCriteria } from '../../domain/requests/criteria.js';
import type { Facet } from '../../domain/taxonomy/types.js';
import { requestPolicy } from '../../policies/requests.js';
import type { Actor } from '../context.js';
import { forbidden, type FieldError } from '../errors.js';
import { findInvalidTaxonomyKeys, type KeyCheck } from '../taxonomy/validate-keys.js';

/** Every field of a request a requester sets (the rest is the workflow's). */
export interface RequestFields {
  opportunityId: string | null;
  purpose: string | null;
  activityTypeKey: string;
  prospect: ProspectProfile;
  criteria: RequestCriteria;
  topicKeys: string[];
  neededBy: string;
  referencesNeeded: number;
  note: string | null;
  rushJustification: string | null;
}
export type RequestPatch = Partial<RequestFields>;

/** Criterion kinds whose values are taxonomy keys of a facet. */
const CRITERION_FACETS: Partial<Record<CriterionKind, Facet>> = {
  industry: 'industry',
  country: 'country',
  language: 'language',
  product: 'product',
  use_case: 'use_case',
  seniority: 'seniority',
  function: 'function',
  company_size: 'company_size',
  topic: 'topic',
};

const unique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))];

/** Trims and de-duplicates what the client sent; keeps `undefined` for what it left out. */
export function normalizeRequestPatch(input: RequestPatch): RequestPatch {
  const patch: RequestPatch = { ...input };
  if (input.topicKeys) patch.topicKeys = unique(input.topicKeys);
  if (input.criteria) patch.criteria = input.criteria.map((c) => ({ ...c, values: unique(c.values) }));
  if (input.purpose !== undefined) patch.purpose = input.purpose?.trim() || null;
  if (input.note !== undefined) patch.note = input.note?.trim() || null;
  if (input.rushJustification !== undefined) patch.rushJustification = input.rushJustification?.trim() || null;
  if (input.prospect?.productKeys) patch.prospect = { ...input.prospect, productKeys: unique(input.prospect.productKeys) };
  return patch;
}

/** The prospect as the opportunity describes it; what the requester typed wins field by field. */
export function prospectFromOpportunity(opportunity: OpportunityRow | null, given: ProspectProfile | undefined): ProspectProfile {
  const base: ProspectProfile = opportunity
    ? dropEmpty({
        name: opportunity.prospectName,
        industryKey: opportunity.prospectIndustryKey ?? undefined,
        employeeCount: opportunity.prospectEmployeeCount ?? undefined,
        annualRevenueUsd: opportunity.prospectAnnualRevenueUsd ?? undefined,
        country: opportunity.prospectCountry ?? undefined,
        productKeys: opportunity.productKeys.length > 0 ? opportunity.productKeys : undefined,
      })
    : {};
  return { ...base, ...dropEmpty(given ?? {}) };
}

function dropEmpty(profile: ProspectProfile): ProspectProfile {
  return Object.fromEntries(Object.entries(profile).filter(([, v]) => v !== undefined && v !== null && v !== '')) as ProspectProfile;
}

/**
 * Loads the opportunity a request names and checks the actor may request for it: 400 when it
 * does not exist, 403 when it is someone else's deal.
 */
export async function loadRequestOpportunity(db: Executor, actor: Actor, opportunityId: string | null): Promise<OpportunityRow | null> {
  if (!opportunityId) return null;
  const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.id, opportunityId)).limit(1);
  if (!opportunity) return null;
  if (!requestPolicy.useOpportunity(actor, opportunity)) throw forbidden('You can request references only for your own opportunities.');
  return opportunity;
}

/**
 * Every problem with a request's fields at once: unknown taxonomy keys, a missing
 * opportunity or purpose, a deadline in the past.
 */
export async function findInvalidRequestFields(
  db: Executor,
  actor: Actor,
  fields: RequestFields,
  opportunity: OpportunityRow | null,
  now: Date,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (fields.opportunityId && !opportunity) errors.push({ field: 'opportunityId', reason: 'is not an existing opportunity' });
  if (opportunity && opportunity.outcome !== 'open') errors.push({ field: 'opportunityId', reason: `the opportunity is already ${opportunity.outcome}` });
  if (!fields.opportunityId) {
    if (!requestPolicy.createWithoutOpportunity(actor)) errors.push({ field: 'opportunityId', reason: 'is required: sales requests are for an opportunity' });
    else if (!fields.purpose) errors.push({ field: 'purpose', reason: 'is required without an opportunity (what the reference is for)' });
  }
  if (businessDaysBetween(now, fields.neededBy) < 0) errors.push({ field: 'neededBy', reason: 'is in the past' });
  const checks: KeyCheck[] = [
    { facet: 'activity_type', field: 'activityTypeKey', key: fields.activityTypeKey },
    { facet: 'topic', field: 'topicKeys', keys: fields.topicKeys },
    { facet: 'industry', field: 'prospect.industryKey', key: fields.prospect.industryKey ?? null },
    { facet: 'country', field: 'prospect.country', key: fields.prospect.country ?? null },
    { facet: 'seniority', field: 'prospect.contactSeniorityKey', key: fields.prospect.contactSeniorityKey ?? null },
    { facet: 'function', field: 'prospect.contactFunctionKey', key: fields.prospect.contactFunctionKey ?? null },
    { facet: 'product', field: 'prospect.productKeys', keys: fields.prospect.productKeys ?? [] },
  ];
  fields.criteria.forEach((criterion, index) => {
    const facet = CRITERION_FACETS[criterion.kind];
    if (facet) checks.push({ facet, field: `criteria.${index}.values`, keys: criterion.values });
    if (criterion.kind === 'orientation') {
      criterion.values.forEach((value, i) => {
        if (value !== 'technical' && value !== 'business') errors.push({ field: `criteria.${index}.values.${i}`, reason: 'must be technical or business' });
      });
    }
    if (criterion.values.length === 0) errors.push({ field: `criteria.${index}.values`, reason: 'needs at least one value' });
  });
  errors.push(...(await findInvalidTaxonomyKeys(db, checks)));
  return errors;
}
