
import type { Executor } from '../../db/client.js';
import type { InvitationRow } from '../../db/schema/index.js';
import { getOrganization } from '../organization/get-organization.js';
import { renderInvitationEmail } from '../../integrations/email/invitation-email.js';
import { enqueueEmail } from '../outbox/enqueue-email.js';
import type { ServiceDeps } from '../context.js';

/** The token travels in the URL fragment, so it never reaches a server log. */
export function invitationUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/accept-invitation#token=${token}`;
}

/** Queues the invitation e-mail. Returns the link when no mail server will deliver it. */
export async function sendInvitationEmail(
  deps: ServiceDeps,
  db: Executor,
  invitation: InvitationRow,
  token: string,
  inviterName: string,
): Promise<string | null> {
  const org = await getOrganization(db);
  const url = invitationUrl(deps.config.publicUrl, token);
  const deliverable = Boolean(deps.config.mail.smtpUrl);
  const email = renderInvitationEmail({
    orgName: org.name,
    color: org.primaryColor,
    inviteeName: invitation.name,
    inviterName,
    roles: invitation.roles,
    url,
    expiresAt: invitation.expiresAt,
  });
  await enqueueEmail(db, { ...email, kind: 'user.invitation', to: invitation.email, payload: { invitationId: invitation.id } }, deliverable);
  return deliverable ? null : url;
}

