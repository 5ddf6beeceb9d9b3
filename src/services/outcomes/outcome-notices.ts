import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { advocates, users, type OpportunityRow } from '../../db/schema/index.js';
import { renderHelpedWinEmail } from '../../integrations/email/helped-win-email.js';
import { renderLossQuestionEmail } from '../../integrations/email/loss-question-email.js';
import type { Actor, ServiceDeps } from '../context.js';
import { recordRequestEvent } from '../requests/record-request-event.js';
import { getOrganization } from '../organization/get-organization.js';
import { enqueueEmail } from '../outbox/enqueue-email.js';

/**
 * One "you helped us win" notice per advocate among the new impact records (advocates without
 * an e-mail are skipped), and the win on the timelines of the opportunity's requests.
 * Returns how many notices were queued.
 */
export async function notifyHelpedWin(
  deps: ServiceDeps,
  tx: Tx,
  opportunity: OpportunityRow,
  created: { id: string; advocateId: string }[],
  requestIds: string[],
  now: Date,
): Promise<number> {
  for (const requestId of requestIds) {
    await recordRequestEvent(tx, { requestId, actor: 'system', kind: 'opportunity_won', data: { opportunityId: opportunity.id, amountWonUsd: opportunity.amountWonUsd }, at: now });
  }
  if (created.length === 0) return 0;
  const byAdvocate = new Map<string, string[]>();
  for (const record of created) byAdvocate.set(record.advocateId, [...(byAdvocate.get(record.advocateId) ?? []), record.id]);
  const people = await tx
    .select({ id: advocates.id, firstName: advocates.firstName, email: advocates.email })
    .from(advocates)
    .where(inArray(advocates.id, [...byAdvocate.keys()]));
  const org = await getOrganization(tx);
  let queued = 0;
  for (const person of people) {
    if (!person.email) continue;
    const recordIds = byAdvocate.get(person.id) ?? [];
    const email = renderHelpedWinEmail({ orgName: org.name, color: org.primaryColor, advocateFirstName: person.firstName, prospectName: opportunity.prospectName, activityCount: recordIds.length });
    await enqueueEmail(
      tx,
      { ...email, kind: 'advocate.helped_win', to: person.email, payload: { opportunityId: opportunity.id, advocateId: person.id, impactRecordIds: recordIds } },
      Boolean(deps.config.mail.smtpUrl),
    );
    queued += 1;
  }
  return queued;
}

/**
 * Asks each requester of a lost opportunity's requests what happened (one message per person,
 * naming their requests) and puts the loss on every request's timeline. Returns how many were asked.
 */
export async function askWhatHappened(
  deps: ServiceDeps,
  tx: Tx,
  actor: Actor,
  opportunity: OpportunityRow,
  asked: { id: string; number: number; requesterUserId: string }[],
  allRequestIds: string[],
  now: Date,
): Promise<number> {
  const byRequester = new Map<string, number[]>();
  for (const r of asked) byRequester.set(r.requesterUserId, [...(byRequester.get(r.requesterUserId) ?? []), r.number]);
  const askedIds = new Set(asked.map((r) => r.id));
  for (const requestId of allRequestIds) {
    const requester = asked.find((r) => r.id === requestId)?.requesterUserId ?? null;
    await recordRequestEvent(tx, {
      requestId,
      actor,
      kind: 'opportunity_lost',
      reason: opportunity.lossReason,
      data: { opportunityId: opportunity.id, requesterAsked: askedIds.has(requestId), askedUserId: requester },
      at: now,
    });
  }
  if (byRequester.size === 0) return 0;
  const people = await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...byRequester.keys()]));
  const org = await getOrganization(tx);
  for (const person of people) {
    const email = renderLossQuestionEmail({
      orgName: org.name,
      color: org.primaryColor,
      requesterName: person.name,
      opportunityName: opportunity.name,
      prospectName: opportunity.prospectName,
      requestNumbers: (byRequester.get(person.id) ?? []).sort((a, b) => a - b),
      url: `${deps.config.publicUrl}/opportunities/${opportunity.id}`,
    });
    await enqueueEmail(tx, { ...email, kind: 'request.loss_question', to: person.email, payload: { opportunityId: opportunity.id, userId: person.id } }, Boolean(deps.config.mail.smtpUrl));
  }
  return people.length;
}
