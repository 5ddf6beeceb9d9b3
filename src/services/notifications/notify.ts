import type { Executor } from '../../db/client.js';
import { notifications, outboxMessages, type OutboxAttachment } from '../../db/schema/index.js';
import { notificationKindInfo, type NotificationKind } from '../../domain/notifications/catalog.js';
import { nextSendingInstant } from '../../domain/notifications/send-window.js';
import type { RenderedEmail } from '../../integrations/email/layout.js';
import type { ServiceDeps } from '../context.js';
import { getOrganization } from '../organization/get-organization.js';
import { resolveRecipients, type NoticeRecipient, type ResolvedRecipient } from './resolve-recipients.js';
import { writeWebhookPosts } from './write-webhook-posts.js';

export type { NoticeRecipient, ResolvedRecipient } from './resolve-recipients.js';

/** What one recipient receives: the e-mail, and the in-app notice's title and body (users). */
export interface NoticeContent {
  email: RenderedEmail;
  title: string;
  body?: string;
}

export interface Notice {
  kind: NotificationKind;
  recipients: NoticeRecipient[];
  /** Per recipient (names, personal links). */
  render(recipient: ResolvedRecipient): NoticeContent;
  /** App path for in-app notices and program channels, e.g. /requests/<id>. */
  link?: string;
  requestId?: string;
  /** The requesting team, for Slack and Teams routing. */
  team?: string | null;
  /** One line for program channels (programEvent kinds); the kind's label when missing. */
  webhookText?: string;
  /** Files sent with every e-mail of this notice (the .ics invitation). */
  attachments?: OutboxAttachment[];
  /** Idempotency base: a notice with the same key is written once (`:<recipient id>` is appended). */
  dedupeKey?: string;
  payload?: Record<string, unknown>;
}

export interface NotifyResult {
  emails: number;
  inApp: number;
  webhooks: number;
}

/**
 * Tells people about something that happened, inside the caller's transaction (so the message
 * commits with the change, or not at all): one outbox e-mail per recipient (held when no SMTP
 * server is configured; advocates' optional kinds wait for a working hour in their zone), one
 * in-app notice per internal user, and for program events one post per listening Slack or
 * Teams endpoint. Opt-outs are honoured for optional kinds. Returns what was written.
 */
export async function notify(deps: ServiceDeps, tx: Executor, notice: Notice): Promise<NotifyResult> {
  const info = notificationKindInfo(notice.kind);
  const people = await resolveRecipients(tx, notice.kind, notice.recipients);
  const now = deps.now();
  const deliverable = Boolean(deps.config.mail.smtpUrl);
  const keyFor = (id: string) => (notice.dedupeKey ? `${notice.dedupeKey}:${id}` : null);

  const emailRows: Array<typeof outboxMessages.$inferInsert> = [];
  const inAppRows: Array<typeof notifications.$inferInsert> = [];
  for (const person of people) {
    const content = notice.render(person);
    if (person.email) {
      const availableAt = info.localHours && person.kind === 'advocate' ? nextSendingInstant(now, person.timeZone) : now;
      emailRows.push({
        kind: notice.kind,
        channel: 'email',
        recipient: person.email,
        subject: content.email.subject,
        bodyText: content.email.text,
        bodyHtml: content.email.html,
        payload: { ...(notice.requestId ? { requestId: notice.requestId } : {}), ...notice.payload },
        status: deliverable ? 'pending' : 'held',
        availableAt,
        attachments: notice.attachments ?? [],
        dedupeKey: keyFor(person.id),
        recipientUserId: person.kind === 'user' ? person.id : null,
        recipientAdvocateId: person.kind === 'advocate' ? person.id : null,
      });
    }
    if (person.kind === 'user') {
      inAppRows.push({
        userId: person.id,
        kind: notice.kind,
        title: content.title,
        body: content.body ?? '',
        link: notice.link ?? null,
        requestId: notice.requestId ?? null,
        dedupeKey: keyFor(person.id),
        createdAt: now,
      });
    }
  }

  const emails = emailRows.length > 0 ? (await tx.insert(outboxMessages).values(emailRows).onConflictDoNothing().returning({ id: outboxMessages.id })).length : 0;
  const inApp = inAppRows.length > 0 ? (await tx.insert(notifications).values(inAppRows).onConflictDoNothing().returning({ id: notifications.id })).length : 0;

  let webhooks = 0;
  if (info.programEvent) {
    const org = await getOrganization(tx);
    webhooks = await writeWebhookPosts(tx, {
      kind: notice.kind,
      orgName: org.name,
      team: notice.team ?? null,
      text: notice.webhookText ?? info.description,
      url: notice.link ? `${deps.config.publicUrl}${notice.link}` : undefined,
      dedupeKey: notice.dedupeKey,
      now,
    });
  }
  return { emails, inApp, webhooks };
}
