import type { Executor } from '../../db/client.js';
import type { ReferenceRequestRow } from '../../db/schema/index.js';
import { isNotificationKind, type NotificationKind } from '../../domain/notifications/catalog.js';
import { renderRequestUpdateEmail } from '../../integrations/email/request-update-email.js';
import type { ServiceDeps } from '../context.js';
import { notify } from '../notifications/notify.js';
import { getOrganization } from '../organization/get-organization.js';

export function requestUrl(publicUrl: string, requestId: string): string {
  return `${publicUrl}/requests/${requestId}`;
}

/** The words callers use for an advocate's answer, in the catalogue's terms. */
const KIND_ALIASES: Record<string, NotificationKind> = {
  'request.advocate_accept': 'request.advocate_accepted',
  'request.advocate_decline': 'request.advocate_declined',
  'request.advocate_propose_dates': 'request.advocate_proposed',
  'request.owner_decline': 'request.owner_declined',
};

export function requesterNoticeKind(kind: string): NotificationKind {
  const resolved = KIND_ALIASES[kind] ?? kind;
  if (!isNotificationKind(resolved)) throw new Error(`unknown notification kind ${kind}`);
  return resolved;
}

/** Tells the requester what changed on their request and what to do next (e-mail and bell, same transaction). */
export async function notifyRequester(
  deps: ServiceDeps,
  db: Executor,
  request: ReferenceRequestRow,
  notice: { kind: string; headline: string; paragraphs: string[]; candidateId?: string },
): Promise<void> {
  const org = await getOrganization(db);
  const requestLabel = `R-${request.number}`;
  await notify(deps, db, {
    kind: requesterNoticeKind(notice.kind),
    recipients: [{ kind: 'user', userId: request.requesterUserId }],
    render: (to) => ({
      email: renderRequestUpdateEmail({
        orgName: org.name,
        color: org.primaryColor,
        recipientName: to.name,
        requestLabel,
        headline: notice.headline,
        paragraphs: notice.paragraphs,
        url: requestUrl(deps.config.publicUrl, request.id),
      }),
      title: `${requestLabel}: ${notice.headline}`,
      body: notice.paragraphs[0],
    }),
    link: `/requests/${request.id}`,
    requestId: request.id,
    team: request.team,
    webhookText: `${requestLabel}: ${notice.headline}`,
    payload: { requestId: request.id, candidateId: notice.candidateId ?? null },
  });
}
