import { addDays } from 'date-fns';
import type { Executor } from '../../../db/client.js';
import { advocateAskTokens, type ReferenceRequestRow, type RequestCandidateRow } from '../../../db/schema/index.js';
import { reminderKeys } from '../../../domain/notifications/reminders.js';
import { renderDebriefReminderEmail, renderDebriefRequestEmail } from '../../../integrations/email/debrief-emails.js';
import { randomToken, sha256 } from '../../auth/secrets.js';
import type { ServiceDeps } from '../../context.js';
import { ADVOCATE_DEBRIEF_DAYS } from '../../debriefs/submit-advocate-debrief.js';
import { loadAskContext } from '../../requests/ask-context.js';
import { askUrl } from '../../requests/ask-tokens.js';
import { notify, type NotifyResult } from '../notify.js';
import { firstNameOf, requestPath } from './request-facts.js';

type ScheduledCandidate = RequestCandidateRow & { scheduledAt: Date };

const heldOn = (candidate: ScheduledCandidate) => candidate.scheduledAt.toISOString().slice(0, 10);

/** The requester's debrief request, the business day after the conversation (once). */
export async function notifyRequesterDebriefRequested(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: ScheduledCandidate): Promise<NotifyResult> {
  const ask = await loadAskContext(tx, candidate.id);
  const path = requestPath(request.id);
  const counterpart = `${ask.advocate.firstName} ${ask.advocate.lastName} (${ask.accountName})`;
  return notify(deps, tx, {
    kind: 'request.debrief_requested',
    recipients: [{ kind: 'user', userId: request.requesterUserId }],
    render: (to) => ({
      email: renderDebriefRequestEmail({
        orgName: ask.orgName,
        color: ask.color,
        side: 'requester',
        recipientFirstName: firstNameOf(to.name),
        activityLabel: ask.activityLabel,
        counterpart,
        heldOn: heldOn(candidate),
        url: `${deps.config.publicUrl}${path}`,
      }),
      title: `How did it go? Debrief R-${request.number}`,
      body: `Your ${ask.activityLabel.toLowerCase()} with ${counterpart} on ${heldOn(candidate)}.`,
    }),
    link: path,
    requestId: request.id,
    dedupeKey: reminderKeys.debriefRequest(candidate.id),
    payload: { requestId: request.id, candidateId: candidate.id },
  });
}

/**
 * The advocate's debrief request with their own signed link: a fresh token for the same
 * candidate (only its hash is stored; it counts as answered, so it opens the debrief and
 * never a second answer), valid as long as the debrief window.
 */
export async function notifyAdvocateDebriefRequested(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: ScheduledCandidate): Promise<NotifyResult> {
  const ask = await loadAskContext(tx, candidate.id);
  const now = deps.now();
  const token = randomToken();
  const expiresAt = addDays(candidate.scheduledAt, ADVOCATE_DEBRIEF_DAYS);
  await tx.insert(advocateAskTokens).values({ candidateId: candidate.id, tokenHash: sha256(token), expiresAt, answeredAt: candidate.advocateRespondedAt ?? now, createdAt: now });
  return notify(deps, tx, {
    kind: 'advocate.debrief_requested',
    recipients: [{ kind: 'advocate', advocateId: candidate.advocateId }],
    render: () => ({
      email: renderDebriefRequestEmail({
        orgName: ask.orgName,
        color: ask.color,
        side: 'advocate',
        recipientFirstName: ask.advocate.firstName,
        activityLabel: ask.activityLabel,
        counterpart: `${ask.requester.name} (${ask.requester.team})`,
        heldOn: heldOn(candidate),
        url: askUrl(deps.config.publicUrl, token),
        expiresAt,
      }),
      title: 'How did it go?',
    }),
    requestId: request.id,
    dedupeKey: reminderKeys.debriefRequest(candidate.id),
    payload: { requestId: request.id, candidateId: candidate.id },
  });
}

/** The one reminder to a requester whose debrief is still missing. */
export async function notifyDebriefReminder(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: ScheduledCandidate): Promise<NotifyResult> {
  const ask = await loadAskContext(tx, candidate.id);
  const path = requestPath(request.id);
  const advocateLabel = `${ask.advocate.firstName} ${ask.advocate.lastName} (${ask.accountName})`;
  return notify(deps, tx, {
    kind: 'request.debrief_reminder',
    recipients: [{ kind: 'user', userId: request.requesterUserId }],
    render: (to) => ({
      email: renderDebriefReminderEmail({
        orgName: ask.orgName,
        color: ask.color,
        recipientFirstName: firstNameOf(to.name),
        activityLabel: ask.activityLabel,
        advocateLabel,
        heldOn: heldOn(candidate),
        requestLabel: `R-${request.number}`,
        url: `${deps.config.publicUrl}${path}`,
      }),
      title: `Debrief still missing: R-${request.number}`,
    }),
    link: path,
    requestId: request.id,
    dedupeKey: reminderKeys.debriefReminder(candidate.id),
    payload: { requestId: request.id, candidateId: candidate.id },
  });
}
