import { Badge } from '@mantine/core';
import type { OutboxStatus } from '@/shared/api/types';

export const OUTBOX_STATUS_LABELS: Record<OutboxStatus, string> = {
  pending: 'Waiting',
  sent: 'Sent',
  failed: 'Retrying',
  dead: 'Gave up',
  held: 'Held',
};

export const OUTBOX_STATUS_HELP: Record<OutboxStatus, string> = {
  pending: 'Queued and waiting to be delivered.',
  sent: 'Handed to the mail server, or accepted by Slack or Teams.',
  failed: 'The last attempt failed; Vouch will try again.',
  dead: 'Delivery failed too many times; Vouch stopped trying.',
  held: 'Kept back because no e-mail server is configured (SMTP_URL); read it here and pass it on.',
};

const colors: Record<OutboxStatus, string> = {
  pending: 'blue',
  sent: 'teal',
  failed: 'orange',
  dead: 'red',
  held: 'gray',
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return (
    <Badge color={colors[status]} title={OUTBOX_STATUS_HELP[status]}>
      {OUTBOX_STATUS_LABELS[status]}
    </Badge>
  );
}
