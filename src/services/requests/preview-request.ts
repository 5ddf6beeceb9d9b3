import type { ProspectProfile } from '../../domain/requests/criteria.js';
import { isIsoDate } from '../../domain/requests/business-days.js';
import { leadTimeFor, readinessGateFor, type ReadinessGate } from '../../domain/requests/program-policy.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { findInvalidTaxonomyKeys } from '../taxonomy/validate-keys.js';
import { evaluateRequestChecks, type RequestChecks } from './request-checks.js';
import { loadRequestOpportunity, prospectFromOpportunity } from './request-input.js';

export interface PreviewRequestInput {
  opportunityId?: string | null;
  activityTypeKey: string;
  neededBy: string;
  prospect?: ProspectProfile;
}

export interface RequestPreview extends RequestChecks {
  /** The prospect as the request would store it (prefilled from the opportunity). */
  prospect: ProspectProfile;
  gate: ReadinessGate;
  minimumLeadTimeBusinessDays: number;
  /** A rush needs a justification before the request can be submitted. */
  rushJustificationRequired: boolean;
}

/**
 * The live check behind the request form: is the deal ready for this activity, does the
 * deadline respect the lead time, and how long similar requests took. Writes nothing.
 */
export async function previewRequest(deps: ServiceDeps, actor: Actor, input: PreviewRequestInput): Promise<RequestPreview> {
  const errors = await findInvalidTaxonomyKeys(deps.db, [{ facet: 'activity_type', field: 'activityTypeKey', key: input.activityTypeKey }]);
  if (!isIsoDate(input.neededBy)) errors.push({ field: 'neededBy', reason: 'must be a date as YYYY-MM-DD' });
  const opportunity = await loadRequestOpportunity(deps.db, actor, input.opportunityId ?? null);
  if (input.opportunityId && !opportunity) errors.push({ field: 'opportunityId', reason: 'is not an existing opportunity' });
  if (errors.length > 0) throw invalidInput(errors);
  const policy = await getProgramPolicy(deps.db);
  const prospect = prospectFromOpportunity(opportunity, input.prospect);
  const checks = await evaluateRequestChecks(deps.db, policy, { activityTypeKey: input.activityTypeKey, neededBy: input.neededBy, prospect }, opportunity, deps.now());
  return {
    ...checks,
    prospect,
    gate: readinessGateFor(policy, input.activityTypeKey),
    minimumLeadTimeBusinessDays: leadTimeFor(policy, input.activityTypeKey),
    rushJustificationRequired: checks.leadTime.rush,
  };
}
