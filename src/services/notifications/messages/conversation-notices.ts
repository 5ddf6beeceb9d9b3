import type { Executor } from '../../../db/client.js';
import type { ReferenceRequestRow, RequestCandidateRow } from '../../../db/schema/index.js';
import { reminderKeys } from '../../../domain/notifications/reminders.js';
import { renderCallReminderEmail, renderConversationScheduledEmail, type ConversationEmailInput } from '../../../integrations/email/conversation-emails.js';
import type { ServiceDeps } from '../../context.js';
import { loadAskContext } from '../../requests/ask-context.js';
import { composeCandidateIcs } from '../../scheduling/candidate-ics.js';
import { notify, type NotifyResult } from '../notify.js';
import { firstNameOf, requestPath } from './request-facts.js';

type ScheduledCandidate = RequestCandidateRow & { scheduledAt: Date };

/** Both sides' views of one conversation: the requester's (internal) and the advocate's (the ask's words). */
async function conversationFacts(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: ScheduledCandidate) {
  const ask = await loadAskContext(tx, candidate.id);
  const common = {
    orgName: ask.orgName,
    color: ask.color,
    activityLabel: ask.activityLabel,
    startsAt: candidate.scheduledAt,
    durationMinutes: candidate.durationMinutes ?? 30,
    meetingDetails: candidate.meetingDetails,
  };
  const path = requestPath(request.id);
  const forRequester = (name: string): ConversationEmailInput => ({
    ...common,
    side: 'requester',
    recipientFirstName: firstNameOf(name),
    timeZone: null,
    requestLabel: `R-${request.number}`,
    advocateName: `${ask.advocate.firstName} ${ask.advocate.lastName}`,
    accountName: ask.accountName,
    url: `${deps.config.publicUrl}${path}`,
  });
  const forAdvocate = (timeZone: string | null): ConversationEmailInput => ({
    ...common,
    side: 'advocate',
    recipientFirstName: ask.advocate.firstName,
    timeZone,
    requesterLabel: `${ask.requester.name} (${ask.requester.team})`,
    context: ask.context,
    topics: ask.topics,
  });
  return { ask, path, forRequester, forAdvocate, label: `R-${request.number}` };
}

/**
 * A conversation has a date (or a new one): the requester and the advocate each get the
 * confirmation with the .ics attached. The requester's copy names no advocate address (that
 * stays behind the audited reveal); the advocate's own copy lists them as the attendee.
 */
export async function notifyScheduled(
  deps: ServiceDeps,
  tx: Executor,
  request: ReferenceRequestRow,
  candidate: ScheduledCandidate,
  rescheduled: boolean,
): Promise<NotifyResult[]> {
  const f = await conversationFacts(deps, tx, request, candidate);
  const forRequester = await composeCandidateIcs(deps, tx, request, candidate, () => false);
  const forAdvocate = await composeCandidateIcs(deps, tx, request, candidate, () => true);
  const attachment = (ics: string) => [{ filename: forRequester.fileName, contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }];
  const key = `scheduled:${candidate.id}:${forRequester.sequence}`;
  const when = candidate.scheduledAt.toISOString();
  const requesterResult = await notify(deps, tx, {
    kind: 'request.scheduled',
    recipients: [{ kind: 'user', userId: request.requesterUserId }],
    render: (to) => ({
      email: renderConversationScheduledEmail({ ...f.forRequester(to.name), rescheduled }),
      title: `${rescheduled ? 'New date' : 'Scheduled'}: ${f.label} with ${f.ask.advocate.firstName} ${f.ask.advocate.lastName}`,
      body: `${f.ask.activityLabel} on ${when.slice(0, 16).replace('T', ' ')} UTC.`,
    }),
    link: f.path,
    requestId: request.id,
    team: request.team,
    webhookText: `${f.label}: ${f.ask.activityLabel.toLowerCase()} ${rescheduled ? 're-scheduled' : 'scheduled'} for ${when.slice(0, 10)}`,
    attachments: attachment(forRequester.ics),
    dedupeKey: key,
    payload: { requestId: request.id, candidateId: candidate.id, startsAt: when, sequence: forRequester.sequence },
  });
  const advocateResult = await notify(deps, tx, {
    kind: 'advocate.scheduled',
    recipients: [{ kind: 'advocate', advocateId: candidate.advocateId }],
    render: (to) => ({ email: renderConversationScheduledEmail({ ...f.forAdvocate(to.timeZone), rescheduled }), title: 'Conversation scheduled' }),
    requestId: request.id,
    attachments: attachment(forAdvocate.ics),
    dedupeKey: key,
    payload: { requestId: request.id, candidateId: candidate.id, startsAt: when, sequence: forAdvocate.sequence },
  });
  return [requesterResult, advocateResult];
}

/** The day before the conversation, to both sides (each once per date). */
export async function notifyCallReminder(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, candidate: ScheduledCandidate): Promise<NotifyResult[]> {
  const f = await conversationFacts(deps, tx, request, candidate);
  const key = reminderKeys.callReminder(candidate.id, candidate.scheduledAt);
  const payload = { requestId: request.id, candidateId: candidate.id, startsAt: candidate.scheduledAt.toISOString() };
  const requesterResult = await notify(deps, tx, {
    kind: 'request.call_reminder',
    recipients: [{ kind: 'user', userId: request.requesterUserId }],
    render: (to) => ({
      email: renderCallReminderEmail(f.forRequester(to.name)),
      title: `Tomorrow: ${f.label} with ${f.ask.advocate.firstName} ${f.ask.advocate.lastName}`,
    }),
    link: f.path,
    requestId: request.id,
    dedupeKey: key,
    payload,
  });
  const advocateResult = await notify(deps, tx, {
    kind: 'advocate.call_reminder',
    recipients: [{ kind: 'advocate', advocateId: candidate.advocateId }],
    render: (to) => ({ email: renderCallReminderEmail(f.forAdvocate(to.timeZone)), title: 'Conversation tomorrow' }),
    requestId: request.id,
    dedupeKey: key,
    payload,
  });
  return [requesterResult, advocateResult];
}
