import type { Executor } from '../../../db/client.js';
import type { ReferenceRequestRow } from '../../../db/schema/index.js';
import { reminderKeys } from '../../../domain/notifications/reminders.js';
import { renderDeadlineAtRiskEmail, renderRedoOpenedEmail, renderRequestSubmittedEmail } from '../../../integrations/email/program-alert-emails.js';
import type { ServiceDeps } from '../../context.js';
import { notify, type NotifyResult } from '../notify.js';
import { loadRequestFacts } from './request-facts.js';

/** A request reached matching: the program team (e-mail, bell, program channels). */
export async function notifyRequestSubmitted(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow): Promise<NotifyResult> {
  const f = await loadRequestFacts(tx, deps.config.publicUrl, request);
  const line = `${f.requesterName} submitted ${f.requestLabel}: ${f.activityLabel.toLowerCase()} for ${f.forWhat}, needed by ${request.neededBy}${request.rush ? ' (rush)' : ''}`;
  return notify(deps, tx, {
    kind: 'request.submitted',
    recipients: [{ kind: 'program_team' }],
    render: (to) => ({
      email: renderRequestSubmittedEmail({ ...f, recipientName: to.name, neededBy: request.neededBy, rush: request.rush }),
      title: `New request ${f.requestLabel}`,
      body: line,
    }),
    link: f.path,
    requestId: request.id,
    team: request.team,
    webhookText: line,
    dedupeKey: `request-submitted:${request.id}:${request.submittedAt?.toISOString() ?? ''}`,
    payload: { requestId: request.id },
  });
}

/** A request close to its deadline with nothing scheduled: the program team, once per needed-by date. */
export async function notifyDeadlineAtRisk(deps: ServiceDeps, tx: Executor, request: ReferenceRequestRow, businessDaysLeft: number): Promise<NotifyResult> {
  const f = await loadRequestFacts(tx, deps.config.publicUrl, request);
  const line = `${f.requestLabel} (${f.activityLabel.toLowerCase()} for ${f.forWhat}) is needed by ${request.neededBy} and nothing is scheduled`;
  return notify(deps, tx, {
    kind: 'request.deadline_at_risk',
    recipients: [{ kind: 'program_team' }],
    render: (to) => ({
      email: renderDeadlineAtRiskEmail({ ...f, recipientName: to.name, neededBy: request.neededBy, businessDaysLeft }),
      title: `Deadline at risk: ${f.requestLabel}`,
      body: line,
    }),
    link: f.path,
    requestId: request.id,
    team: request.team,
    webhookText: line,
    dedupeKey: reminderKeys.deadlineAtRisk(request.id, request.neededBy),
    payload: { requestId: request.id, businessDaysLeft },
  });
}

/** A redo is back in matching: the program team (and channels), once per redo request. */
export async function notifyRedoOpened(
  deps: ServiceDeps,
  tx: Executor,
  redo: ReferenceRequestRow,
  original: { number: number },
  why: 'did_not_happen' | 'did_not_meet_needs',
): Promise<NotifyResult> {
  const f = await loadRequestFacts(tx, deps.config.publicUrl, redo);
  const line = `Redo ${f.requestLabel} opened for R-${original.number} (${why === 'did_not_happen' ? 'did not happen' : 'did not meet needs'})`;
  return notify(deps, tx, {
    kind: 'request.redo_opened',
    recipients: [{ kind: 'program_team' }],
    render: (to) => ({
      email: renderRedoOpenedEmail({ ...f, recipientName: to.name, neededBy: redo.neededBy, originalLabel: `R-${original.number}`, why }),
      title: `Redo opened: ${f.requestLabel}`,
      body: line,
    }),
    link: f.path,
    requestId: redo.id,
    team: redo.team,
    webhookText: line,
    dedupeKey: `redo-opened:${redo.id}`,
    payload: { requestId: redo.id, why },
  });
}
