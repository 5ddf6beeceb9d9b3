import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users, type ReferenceRequestRow } from '../../db/schema/index.js';
import { renderRequestUpdateEmail } from '../../integrations/email/request-update-email.js';
import type { ServiceDeps } from '../context.js';
import { getOrganization } from '../organization/get-organization.js';
import { enqueueEmail } from '../outbox/enqueue-email.js';

export function requestUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl}/requests/${requestId}`;
}

/** Tells the requester what changed on their request and what to do next (outbox, same transaction). */
export async function notifyRequester(
  deps: ServiceDeps,
  db: Executor,
  request: ReferenceRequestRow,
  notice: { kind: string; headline: string; paragraphs: string[]; candidateId?: string },
): Promise<void> {
  const [requester] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, request.requesterUserId));
  if (!requester) return;
  const org = await getOrganization(db);
  const email = renderRequestUpdateEmail({
    orgName: org.name,
    color: org.primaryColor,
    recipientName: requester.name,
    requestLabel: `R-${request.number}`,
    headline: notice.headline,
    paragraphs: notice.paragraphs,
    url: requestUrl(deps.config.publicUrl, request.id),
  });
  await enqueueEmail(
    db,
    { ...email, kind: notice.kind, to: requester.email, payload: { requestId: request.id, candidateId: notice.candidateId ?? null } },
    Boolean(deps.config.mail.smtpUrl),
  );
}
