import { inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { advocates, type OpportunityRow } from '../../db/schema/index.js';
import { renderHelpedWinEmail } from '../../integrations/email/helped-win-email.js';
import { renderLossQuestionEmail } from '../../integrations/email/loss-question-email.js';
import { renderDealWonEmail } from '../../integrations/email/program-alert-emails.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notify } from '../notifications/notify.js';
import { recordRequestEvent } from '../requests/record-request-event.js';
import { getOrganization } from '../organization/get-organization.js';

/**
 * One "you helped us win" notice per advocate among the new impact records (advocates without
 * an e-mail, withdrawn, or who turned these off are skipped), the win told to the program team
 * and its channels, and the win on the timelines of the opportunity's requests.
 * Returns how many advocate e-mails were queued.
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
  const org = await getOrganization(tx);
  const path = `/opportunities/${opportunity.id}`;
  if (requestIds.length > 0) {
    const line = `${opportunity.name} (${opportunity.prospectName}) was won with the help of references`;
    await notify(deps, tx, {
      kind: 'request.won',
      recipients: [{ kind: 'program_team' }],
      render: (to) => ({
        email: renderDealWonEmail({
          orgName: org.name,
          color: org.primaryColor,
          recipientName: to.name,
          opportunityName: opportunity.name,
          prospectName: opportunity.prospectName,
          url: `${deps.config.publicUrl}${path}`,
        }),
        title: `Won: ${opportunity.name}`,
        body: line,
      }),
      link: path,
      webhookText: line,
      dedupeKey: `opportunity-won:${opportunity.id}`,
      payload: { opportunityId: opportunity.id },
    });
  }
  if (created.length === 0) return 0;
  const byAdvocate = new Map<string, string[]>();
  for (const record of created) byAdvocate.set(record.advocateId, [...(byAdvocate.get(record.advocateId) ?? []), record.id]);
  const people = await tx.select({ id: advocates.id, firstName: advocates.firstName }).from(advocates).where(inArray(advocates.id, [...byAdvocate.keys()]));
  let queued = 0;
  for (const person of people) {
    const recordIds = byAdvocate.get(person.id) ?? [];
    const result = await notify(deps, tx, {
      kind: 'advocate.helped_win',
      recipients: [{ kind: 'advocate', advocateId: person.id }],
      render: () => ({
        email: renderHelpedWinEmail({ orgName: org.name, color: org.primaryColor, advocateFirstName: person.firstName, prospectName: opportunity.prospectName, activityCount: recordIds.length }),
        title: 'You helped us win',
      }),
      dedupeKey: `helped-win:${opportunity.id}:${recordIds.sort().join(',')}`,
      payload: { opportunityId: opportunity.id, advocateId: person.id, impactRecordIds: recordIds },
    });
    queued += result.emails;
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
  const org = await getOrganization(tx);
  const path = `/opportunities/${opportunity.id}`;
  let askedCount = 0;
  for (const [userId, numbers] of byRequester) {
    const requestNumbers = numbers.sort((a, b) => a - b);
    const result = await notify(deps, tx, {
      kind: 'request.loss_question',
      recipients: [{ kind: 'user', userId }],
      render: (to) => ({
        email: renderLossQuestionEmail({
          orgName: org.name,
          color: org.primaryColor,
          requesterName: to.name,
          opportunityName: opportunity.name,
          prospectName: opportunity.prospectName,
          requestNumbers,
          url: `${deps.config.publicUrl}${path}`,
        }),
        title: `Lost: ${opportunity.name}, what happened?`,
        body: `Requests ${requestNumbers.map((n) => `R-${n}`).join(', ')} used references on this deal.`,
      }),
      link: path,
      dedupeKey: `loss-question:${opportunity.id}`,
      payload: { opportunityId: opportunity.id, userId },
    });
    askedCount += result.emails > 0 || result.inApp > 0 ? 1 : 0;
  }
  return askedCount;
}
