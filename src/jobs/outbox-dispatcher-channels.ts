import { eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { webhookEndpoints, type OutboxAttachment } from '../db/schema/index.js';
import type { EmailSender } from '../integrations/email/smtp-transport.js';
import { postWebhook, type PostWebhookOptions } from '../integrations/webhooks/post-webhook.js';
import { WEBHOOK_SERVICE_NAMES } from '../integrations/webhooks/webhook-body.js';

export type OutboxChannel = 'email' | 'slack' | 'teams';

/** A message this process has leased for one delivery attempt. */
export interface ClaimedMessage {
  id: string;
  kind: string;
  channel: OutboxChannel;
  /** An e-mail address, or for Slack and Teams the webhook endpoint's id. */
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** For webhooks, the JSON body to post. */
  payload: Record<string, unknown>;
  attachments: OutboxAttachment[];
  /** Attempts including this one. */
  attempts: number;
}

export type WebhookPoster = (url: string, body: unknown, options: PostWebhookOptions) => Promise<{ status: number }>;

/** How each channel is delivered. No e-mail sender (no SMTP): e-mails stay held, webhooks still go. */
export interface DeliveryChannels {
  email: EmailSender | null;
  /** Node's fetch by default; tests may pass another poster. */
  webhook?: WebhookPoster;
  webhookTimeoutMs?: number;
}

/** A failure no retry can mend (the endpoint was deleted or turned off): the message is dead at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The channels a dispatcher with these senders can claim. */
export function claimableChannels(channels: DeliveryChannels): OutboxChannel[] {
  return channels.email ? ['email', 'slack', 'teams'] : ['slack', 'teams'];
}

/**
 * Sends one claimed message on its channel. Resolves when the other side accepted it; rejects
 * with the reason otherwise. A webhook's URL is read here, at send time, and never logged.
 */
export async function sendOnChannel(db: Executor, channels: DeliveryChannels, message: ClaimedMessage): Promise<void> {
  if (message.channel === 'email') {
    if (!channels.email) throw new Error('No e-mail server is configured');
    await channels.email.send({ to: message.recipient, subject: message.subject, text: message.bodyText, html: message.bodyHtml, attachments: message.attachments });
    return;
  }
  const service = WEBHOOK_SERVICE_NAMES[message.channel];
  if (!UUID.test(message.recipient)) throw new PermanentDeliveryError(`The ${service} message names no endpoint; it cannot be delivered`);
  const [endpoint] = await db
    .select({ url: webhookEndpoints.url, enabled: webhookEndpoints.enabled, kind: webhookEndpoints.kind })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, message.recipient))
    .limit(1);
  if (!endpoint) throw new PermanentDeliveryError(`The ${service} endpoint was deleted; the message cannot be delivered`);
  if (!endpoint.enabled) throw new PermanentDeliveryError(`The ${service} endpoint is turned off; turn it on and retry the message to deliver it`);
  const poster = channels.webhook ?? postWebhook;
  await poster(endpoint.url, message.payload, { service, timeoutMs: channels.webhookTimeoutMs });
}
