import { z } from 'zod';
import type { OutboxMessageView } from '../../../services/outbox/list-outbox-messages.js';

export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'dead', 'held'] as const;
export const OUTBOX_CHANNELS = ['email', 'slack', 'teams'] as const;

export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    channel: z.enum(OUTBOX_CHANNELS),
    /** An e-mail address, or the Slack or Teams endpoint's name (its URL is a secret). */
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    /** For Slack and Teams, the JSON body posted; null for e-mail. */
    webhookBody: z.record(z.string(), z.unknown()).nullable(),
    /** Files sent with the e-mail (their content stays on the server: an .ics names its attendees). */
    attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() })),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    /** When the next attempt may happen (a local working hour, a backoff, a lease). */
    availableAt: z.string(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export type OutboxMessageDto = z.infer<typeof outboxMessageSchema>;

function recipientLabel(m: OutboxMessageView): string {
  if (m.channel === 'email') return m.recipient;
  const service = m.channel === 'slack' ? 'Slack' : 'Teams';
  return m.endpointName ? `${service}: ${m.endpointName}` : `${service}: a deleted endpoint`;
}

export function presentOutboxMessage(m: OutboxMessageView): OutboxMessageDto {
  return {
    id: m.id,
    kind: m.kind,
    channel: m.channel,
    to: recipientLabel(m),
    subject: m.subject,
    text: m.bodyText,
    html: m.bodyHtml,
    webhookBody: m.channel === 'email' ? null : m.payload,
    attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: Buffer.byteLength(a.content, 'utf8') })),
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    availableAt: m.availableAt.toISOString(),
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}
