import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { users, type ReferenceRequestRow, type RequestCandidateRow } from '../../../db/schema/index.js';
import { reminderKeys } from '../../../domain/notifications/reminders.js';
import { renderApprovalReminderEmail } from '../../../integrations/email/approval-reminder-email.js';
import { renderApprovalRequestEmail } from '../../../integrations/email/approval-request-email.js';
import { renderApprovalEscalatedEmail } from '../../../integrations/email/program-alert-emails.js';
import type { ServiceDeps } from '../../context.js';
import { loadAskContext } from '../../requests/ask-context.js';
import { notify, type NotifyResult } from '../notify.js';
import { requestPath } from './request-facts.js';

const NOTHING: NotifyResult = { emails: 0, inApp: 0, webhooks: 0 };

/** The candidate as an owner or an admin reads about it (internal: names, account, deal). */
async function approvalFacts(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: RequestCandidateRow) {
  const ask = await loadAskContext(tx, candidate.id);
  return {
    orgName: ask.orgName,
    color: ask.color,
    requesterName: ask.requester.name,
    advocateName: `${ask.advocate.firstName} ${ask.advocate.lastName}`,
    accountName: ask.accountName,
    activityLabel: ask.activityLabel,
    forWhat: ask.context,
    neededBy: request.neededBy,
    requestLabel: `R-${request.number}`,
    /** Approving or declining needs signing in: the link is the approvals page. */
    approvalsUrl: `${deps.config.publicUrl}/approvals`,
  };
}

/** Asks the account's relationship owner to approve or decline one use of the account. */
export async function notifyApprovalRequested(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: RequestCandidateRow): Promise<NotifyResult> {
  const ownerId = candidate.approverUserId;
  const dueAt = candidate.approvalDueAt;
  if (!ownerId || !dueAt) return NOTHING;
  const f = await approvalFacts(deps, tx, request, candidate);
  return notify(deps, tx, {
    kind: 'request.approval_requested',
    recipients: [{ kind: 'user', userId: ownerId }],
    render: (to) => ({
      email: renderApprovalRequestEmail({ ...f, ownerName: to.name, dueAt, url: f.approvalsUrl }),
      title: `Approval needed: ${f.advocateName} (${f.accountName})`,
      body: `${f.requesterName} asks to involve them in a ${f.activityLabel.toLowerCase()} for ${f.forWhat}, by ${request.neededBy}.`,
    }),
    link: '/approvals',
    requestId: request.id,
    team: request.team,
    dedupeKey: `approval-requested:${candidate.id}:${dueAt.toISOString()}`,
    payload: { requestId: request.id, candidateId: candidate.id },
  });
}

/** The owner's approval is past due: one reminder. */
export async function notifyApprovalReminder(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: RequestCandidateRow): Promise<NotifyResult> {
  const ownerId = candidate.approverUserId;
  const dueAt = candidate.approvalDueAt;
  if (!ownerId || !dueAt) return NOTHING;
  const f = await approvalFacts(deps, tx, request, candidate);
  return notify(deps, tx, {
    kind: 'request.approval_reminder',
    recipients: [{ kind: 'user', userId: ownerId }],
    render: (to) => ({
      email: renderApprovalReminderEmail({ ...f, ownerName: to.name, dueAt, url: f.approvalsUrl }),
      title: `Overdue approval: ${f.advocateName} (${f.accountName})`,
      body: `${f.requesterName} is waiting for your decision on ${f.requestLabel}.`,
    }),
    link: '/approvals',
    requestId: request.id,
    team: request.team,
    dedupeKey: reminderKeys.approvalReminder(candidate.id, dueAt),
    payload: { requestId: request.id, candidateId: candidate.id },
  });
}

/** Still no answer a period after the reminder: the admins hear of it, once. */
export async function notifyApprovalEscalated(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: RequestCandidateRow): Promise<NotifyResult> {
  const ownerId = candidate.approverUserId;
  const dueAt = candidate.approvalDueAt;
  if (!ownerId || !dueAt) return NOTHING;
  const f = await approvalFacts(deps, tx, request, candidate);
  const [owner] = await tx.select({ name: users.name }).from(users).where(eq(users.id, ownerId)).limit(1);
  const ownerName = owner?.name ?? 'The relationship owner';
  const path = requestPath(request.id);
  const line = `${ownerName} has not answered the approval of ${f.accountName} for ${f.requestLabel} (due ${dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC)`;
  return notify(deps, tx, {
    kind: 'request.approval_escalated',
    recipients: [{ kind: 'program_team' }],
    render: (to) => ({
      email: renderApprovalEscalatedEmail({ ...f, recipientName: to.name, ownerName, dueAt, url: `${deps.config.publicUrl}${path}` }),
      title: `Approval overdue: ${f.requestLabel}`,
      body: line,
    }),
    link: path,
    requestId: request.id,
    team: request.team,
    webhookText: line,
    dedupeKey: reminderKeys.approvalEscalation(candidate.id, dueAt),
    payload: { requestId: request.id, candidateId: candidate.id },
  });
}
