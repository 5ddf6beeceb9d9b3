import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { accounts, advocates, requestCandidates, type ReferenceRequestRow } from '../../db/schema/index.js';
import { addBusinessDaysTo } from '../../domain/requests/business-days.js';
import { selectionModeFor, type ProgramPolicy, type SelectionMode } from '../../domain/requests/program-policy.js';
import { LIVE_CANDIDATE_STATUSES, SECURED_CANDIDATE_STATUSES } from '../../domain/requests/request-states.js';
import { hasRole } from '../../domain/roles.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { checkPicks } from './check-picks.js';
import { lockRequest } from './load-request.js';
import { recordRequestEvent } from './record-request-event.js';
import { sendApprovalRequestEmail } from './send-approval-request-email.js';
import { refreshRequestStatus } from './transition-candidate.js';

/**
 * Proposes advocates as candidates (admins), or the seller's picks where sellers pick. Each
 * is re-checked against the hard rules on the server: one that fails is refused with the rule
 * named, and nothing is proposed. Then each account's owner is asked to approve.
 */
export async function proposeCandidates(
  deps: ServiceDeps,
  actor: Actor,
  requestId: string,
  advocateIds: string[],
  authorizeFor: (request: ReferenceRequestRow, mode: SelectionMode) => void,
): Promise<ReferenceRequestRow> {
  return deps.db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    const policy = await getProgramPolicy(tx);
    authorizeFor(request, selectionModeFor(policy, request.activityTypeKey));
    return proposeLockedCandidates(tx, deps, actor, request, advocateIds, policy);
  });
}

export async function proposeLockedCandidates(
  tx: Tx,
  deps: ServiceDeps,
  actor: Actor,
  request: ReferenceRequestRow,
  advocateIds: string[],
  policy: ProgramPolicy,
): Promise<ReferenceRequestRow> {
  if (request.status !== 'matching' && request.status !== 'in_progress') {
    throw conflict(`The request is ${request.status}: candidates are proposed while it is matching or in progress.`);
  }
  const picks = [...new Set(advocateIds)];
  const existing = await tx.select({ advocateId: requestCandidates.advocateId, status: requestCandidates.status }).from(requestCandidates).where(eq(requestCandidates.requestId, request.id));
  const tried = new Set(existing.map((c) => c.advocateId));
  const again = picks.flatMap((id, index) => (tried.has(id) ? [{ field: `advocateIds.${index}`, reason: 'was already proposed on this request' }] : []));
  if (again.length > 0) throw conflict('Some advocates were already proposed on this request; pick others.', again);
  if (!hasRole(actor.roles, 'admin')) {
    const inPlay = existing.filter((c) => LIVE_CANDIDATE_STATUSES.includes(c.status) || SECURED_CANDIDATE_STATUSES.includes(c.status)).length;
    const room = Math.max(0, request.referencesNeeded - inPlay);
    if (picks.length > room) {
      throw invalidInput([{ field: 'advocateIds', reason: `pick at most ${room} more: the request needs ${request.referencesNeeded} and has ${inPlay} in play` }]);
    }
  }
  const now = deps.now();
  const verdicts = await checkPicks(tx, request, picks, policy, now, deps.config.staleAfterMonths);
  const refused = verdicts.flatMap((v, index) =>
    v.ok ? [] : [{ field: `advocateIds.${index}`, reason: `${v.name} fails ${v.failures.map((f) => `“${f.label}” (${f.detail})`).join(', ')}` }],
  );
  if (refused.length > 0) {
    throw conflict(`Refused by the matching rules: ${refused.map((r) => r.reason).join(' — ')}`, refused);
  }
  const approvalDueAt = addBusinessDaysTo(now, policy.approvalDueBusinessDays);
  for (const verdict of verdicts) {
    if (!verdict.ok) continue;
    const [owner] = await tx
      .select({ ownerUserId: accounts.ownerUserId, accountId: accounts.id })
      .from(advocates)
      .innerJoin(accounts, eq(accounts.id, advocates.accountId))
      .where(eq(advocates.id, verdict.advocateId));
    const [candidate] = await tx
      .insert(requestCandidates)
      .values({
        requestId: request.id,
        advocateId: verdict.advocateId,
        accountId: owner?.accountId ?? verdict.accountId,
        status: 'owner_pending',
        score: Math.round(verdict.score),
        explanation: { factors: verdict.factors, lastUsedOn: verdict.lastUsedOn },
        proposedByUserId: actor.userId,
        approverUserId: owner?.ownerUserId ?? null,
        approvalDueAt,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!candidate) throw new Error('candidate insert returned nothing');
    await recordRequestEvent(tx, {
      requestId: request.id,
      candidateId: candidate.id,
      actor,
      kind: 'candidate_proposed',
      toStatus: 'owner_pending',
      data: { advocateName: verdict.name, score: candidate.score, approvalDueAt: approvalDueAt.toISOString() },
      at: now,
    });
    await sendApprovalRequestEmail(deps, tx, request, candidate);
  }
  const { request: after } = await refreshRequestStatus(tx, now, request);
  return after;
}
