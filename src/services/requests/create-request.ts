import { referenceRequests, type ReferenceRequestRow } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { recordRequestEvent } from './record-request-event.js';
import { findInvalidRequestFields, loadRequestOpportunity, normalizeRequestPatch, prospectFromOpportunity, type RequestFields, type RequestPatch } from './request-input.js';
import { submitLockedRequest } from './submit-request.js';

export type CreateRequestInput = RequestPatch &
  Pick<RequestFields, 'activityTypeKey' | 'neededBy'> & {
    /** Submit at once (the readiness gate decides between blocked and matching). */
    submit?: boolean;
    /** Where sellers pick: the advocates picked from the matches, proposed with the submission. */
    pickedAdvocateIds?: string[];
  };

/**
 * Creates a request as a draft, prefilled from its opportunity, and submits it in the same
 * transaction when asked: a request is never left half-submitted.
 */
export async function createRequest(deps: ServiceDeps, actor: Actor, input: CreateRequestInput): Promise<ReferenceRequestRow> {
  const given = normalizeRequestPatch(input);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const opportunity = await loadRequestOpportunity(tx, actor, given.opportunityId ?? null);
    const fields: RequestFields = {
      opportunityId: given.opportunityId ?? null,
      purpose: given.purpose ?? null,
      activityTypeKey: input.activityTypeKey,
      prospect: prospectFromOpportunity(opportunity, given.prospect),
      criteria: given.criteria ?? [],
      topicKeys: given.topicKeys ?? [],
      neededBy: input.neededBy,
      referencesNeeded: given.referencesNeeded ?? 1,
      note: given.note ?? null,
      rushJustification: given.rushJustification ?? null,
    };
    const errors = await findInvalidRequestFields(tx, actor, fields, opportunity, now);
    if (errors.length > 0) throw invalidInput(errors);
    const [request] = await tx
      .insert(referenceRequests)
      .values({ ...fields, requesterUserId: actor.userId, team: actor.team, status: 'draft', createdAt: now, updatedAt: now })
      .returning();
    if (!request) throw new Error('request insert returned nothing');
    await recordRequestEvent(tx, { requestId: request.id, actor, kind: 'created', toStatus: 'draft', at: now });
    if (!input.submit) {
      if (input.pickedAdvocateIds?.length) throw invalidInput([{ field: 'pickedAdvocateIds', reason: 'are proposed only when the request is submitted' }]);
      return request;
    }
    return submitLockedRequest(tx, deps, actor, request, opportunity, input.pickedAdvocateIds ?? []);
  });
}
