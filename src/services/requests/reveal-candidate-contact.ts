import { and, eq } from 'drizzle-orm';
import { advocates, requestCandidates } from '../../db/schema/index.js';
import { requestPolicy, type RequestAccess } from '../../policies/requests.js';
import { recordProtectedReveal } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { forbidden, notFound } from '../errors.js';
import { recordRequestEvent } from './record-request-event.js';

export const CONTACT_NOT_YET = 'Contact details are shared with the requester only after the relationship owner and the advocate said yes.';

/**
 * The protected reveal of a request (DESIGN §3): the requester (or an admin) reads the
 * advocate's e-mail and phone once owner and advocate said yes. The policy is checked again on
 * the locked candidate, and the reveal is audited and put on the timeline in the same transaction.
 */
export async function revealCandidateContact(
  deps: ServiceDeps,
  actor: Actor,
  access: RequestAccess & { request: { id: string; number: number } },
  candidateId: string,
): Promise<{ email: string | null; phone: string | null }> {
  return deps.db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: requestCandidates.id, status: requestCandidates.status, approverUserId: requestCandidates.approverUserId, advocateId: requestCandidates.advocateId })
      .from(requestCandidates)
      .where(and(eq(requestCandidates.id, candidateId), eq(requestCandidates.requestId, access.request.id)))
      .for('share');
    if (!candidate) throw notFound('The candidate');
    if (!requestPolicy.revealContact(actor, access, candidate)) throw forbidden(CONTACT_NOT_YET);
    const [advocate] = await tx
      .select({ email: advocates.email, phone: advocates.phone, firstName: advocates.firstName, lastName: advocates.lastName })
      .from(advocates)
      .where(eq(advocates.id, candidate.advocateId));
    if (!advocate) throw notFound('The advocate');
    const fields = [advocate.email ? 'email' : null, advocate.phone ? 'phone' : null].filter((f): f is string => f !== null);
    await recordProtectedReveal(tx, actor, {
      subjectType: 'advocate',
      subjectId: candidate.advocateId,
      subjectLabel: `${advocate.firstName} ${advocate.lastName}`,
      fields,
      reason: `request R-${access.request.number}`,
    });
    await recordRequestEvent(tx, { requestId: access.request.id, candidateId, actor, kind: 'contact_revealed', data: { fields }, at: deps.now() });
    return { email: advocate.email, phone: advocate.phone };
  });
}
