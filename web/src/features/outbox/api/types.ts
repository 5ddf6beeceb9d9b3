import type { OutboxMessage as SharedOutboxMessage } from '@/shared/api/types';

export type OutboxChannel = 'email' | 'slack' | 'teams';

export interface OutboxAttachmentInfo {
  filename: string;
  contentType: string;
  size: number;
}

/** An outgoing message as the admin Outbox shows it: e-mail, or a Slack or Teams post. */
export interface OutboxMessage extends SharedOutboxMessage {
  channel: OutboxChannel;
  /** For Slack and Teams, the JSON body posted; null for e-mail. */
  webhookBody: Record<string, unknown> | null;
  attachments: OutboxAttachmentInfo[];
  /** When the next attempt may happen (a working hour, a backoff). */
  availableAt: string;
}

export const OUTBOX_CHANNEL_LABELS: Record<OutboxChannel, string> = { email: 'E-mail', slack: 'Slack', teams: 'Microsoft Teams' };
