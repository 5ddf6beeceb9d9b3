import { eq } from 'drizzle-orm';
import { referenceRequests, type ReferenceRequestRow } from '../../db/schema/index.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput } from '../errors.js';
import { lockRequest } from './load-request.js';
import { recordRequestEvent } from './record-request-event.js';
import { findInvalidRequestFields, loadRequestOpportunity, normalizeRequestPatch, prospectFromOpportunity, type RequestFields, type RequestPatch } from './request-input.js';

/**
 * Changes a draft or blocked request (after submission the workflow owns it). A new
 * opportunity prefills the prospect again; fields the requester sets win.
 */
export async function updateRequest(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: RequestPatch,
  authorizeFor: (request: ReferenceRequestRow) => void,
): Promise<ReferenceRequestRow> {
  const patch = normalizeRequestPatch(input);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const before = await lockRequest(tx, id);
    authorizeFor(before);
    if (before.status !== 'draft' && before.status !== 'blocked') {
      throw conflict(`The request is ${before.status}: only draft and blocked requests can be changed.`);
    }
    const opportunityId = patch.opportunityId !== undefined ? patch.opportunityId : before.opportunityId;
    const opportunity = await loadRequestOpportunity(tx, actor, opportunityId);
    const opportunityChanged = opportunityId !== before.opportunityId;
    const fields: RequestFields = {
      opportunityId,
      purpose: patch.purpose !== undefined ? patch.purpose : before.purpose,
      activityTypeKey: patch.activityTypeKey ?? before.activityTypeKey,
      prospect: opportunityChanged ? prospectFromOpportunity(opportunity, patch.prospect) : (patch.prospect ?? before.prospect),
      criteria: patch.criteria ?? before.criteria,
      topicKeys: patch.topicKeys ?? before.topicKeys,
      neededBy: patch.neededBy ?? before.neededBy,
      referencesNeeded: patch.referencesNeeded ?? before.referencesNeeded,
      note: patch.note !== undefined ? patch.note : before.note,
      rushJustification: patch.rushJustification !== undefined ? patch.rushJustification : before.rushJustification,
    };
    const errors = await findInvalidRequestFields(tx, actor, fields, opportunity, now);
    if (errors.length > 0) throw invalidInput(errors);
    const [request] = await tx.update(referenceRequests).set({ ...fields, updatedAt: now }).where(eq(referenceRequests.id, id)).returning();
    if (!request) throw new Error('request update returned nothing');
    await recordRequestEvent(tx, { requestId: id, actor, kind: 'updated', data: { fields: Object.keys(input).sort() }, at: now });
    return request;
  });
}
