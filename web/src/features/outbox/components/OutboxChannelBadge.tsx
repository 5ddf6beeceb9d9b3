import { Badge } from '@mantine/core';
import { IconBrandSlack, IconBrandTeams, IconMail } from '@tabler/icons-react';
import { OUTBOX_CHANNEL_LABELS, type OutboxChannel } from '../api/types';

const icons = { email: IconMail, slack: IconBrandSlack, teams: IconBrandTeams } as const;

/** How a message travels: e-mail, or a post to a Slack or Teams channel. */
export function OutboxChannelBadge({ channel }: { channel: OutboxChannel }) {
  const Icon = icons[channel];
  return (
    <Badge variant="light" color="gray" leftSection={<Icon size={12} aria-hidden />}>
      {OUTBOX_CHANNEL_LABELS[channel]}
    </Badge>
  );
}
