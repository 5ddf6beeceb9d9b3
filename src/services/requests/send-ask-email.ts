import type { Executor } from '../../db/client.js';
import type { ReferenceRequestRow, RequestCandidateRow } from '../../db/schema/index.js';
import { renderAdvocateAskEmail } from '../../integrations/email/advocate-ask-email.js';
import type { ServiceDeps } from '../context.js';
import { enqueueEmail } from '../outbox/enqueue-email.js';
import { loadAskContext } from './ask-context.js';
import { askUrl } from './ask-tokens.js';

/**
 * Writes the ask to the advocate into the outbox, in the approval's transaction. Without a
 * mail server (or without the advocate's address) it waits in the Outbox page for an admin
 * to pass the link on.
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
  const to = ask.advocate.email;
  const deliverable = Boolean(deps.config.mail.smtpUrl) && to !== null;
  await enqueueEmail(
    db,
    {
      ...email,
      kind: 'request.advocate_ask',
      to: to ?? `${ask.advocate.firstName} ${ask.advocate.lastName} (no e-mail on file)`,
      payload: { requestId: request.id, candidateId: candidate.id },
    },
    deliverable,
  );
}
