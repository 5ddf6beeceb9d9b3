import type { Executor } from '../../db/client.js';
import type { ReferenceRequestRow, RequestCandidateRow } from '../../db/schema/index.js';
import { renderAdvocateAskEmail } from '../../integrations/email/advocate-ask-email.js';
import type { ServiceDeps } from '../context.js';
import { notify } from '../notifications/notify.js';
import { enqueueEmail } from '../outbox/enqueue-email.js';
import { loadAskContext } from './ask-context.js';
import { askUrl } from './ask-tokens.js';

/**
 * Writes the ask to the advocate into the outbox, in the approval's transaction, with their
 * signed link (sent at a working hour in the advocate's time zone). Without a mail server it
 * waits in the Outbox page; without the advocate's address it is kept there (held) for an
 * admin to pass the link on.
 */
export async function sendAskEmail(
  deps: ServiceDeps,
  db: Executor,
  candidate: RequestCandidateRow,
  request: ReferenceRequestRow,
  token: string,
  expiresAt: Date,
): Promise<void> {
  const ask = await loadAskContext(db, candidate.id);
  const email = renderAdvocateAskEmail({
    orgName: ask.orgName,
    color: ask.color,
    advocateFirstName: ask.advocate.firstName,
    requesterLabel: `${ask.requester.name} (${ask.requester.team})`,
    approverName: ask.approverName,
    activityLabel: ask.activityLabel,
    context: ask.context,
    neededBy: ask.neededBy,
    topics: ask.topics,
    url: askUrl(deps.config.publicUrl, token),
    expiresAt,
  });
  const payload = { requestId: request.id, candidateId: candidate.id };
  if (ask.advocate.email === null) {
    const to = `${ask.advocate.firstName} ${ask.advocate.lastName} (no e-mail on file)`;
    await enqueueEmail(db, { ...email, kind: 'advocate.ask', to, payload }, false);
    return;
  }
  await notify(deps, db, {
    kind: 'advocate.ask',
    recipients: [{ kind: 'advocate', advocateId: candidate.advocateId }],
    render: () => ({ email, title: 'Would you help?' }),
    requestId: request.id,
    payload,
  });
}
