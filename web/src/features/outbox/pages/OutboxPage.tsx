import { Group, Select, Stack } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { flattenPages } from '@/shared/api/pagination';
import type { OutboxStatus } from '@/shared/api/types';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useOutboxMessages } from '../api/outbox';
import { OUTBOX_CHANNEL_LABELS, type OutboxChannel } from '../api/types';
import { OutboxMessageModal } from '../components/OutboxMessageModal';
import { OUTBOX_STATUS_LABELS } from '../components/OutboxStatusBadge';
import { OutboxTable } from '../components/OutboxTable';

const STATUSES: readonly OutboxStatus[] = ['pending', 'failed', 'held', 'dead', 'sent'];
const STATUS_OPTIONS = STATUSES.map((status) => ({ value: status, label: OUTBOX_STATUS_LABELS[status] }));

function isOutboxStatus(value: string): value is OutboxStatus {
  return (STATUSES as readonly string[]).includes(value);
}

const CHANNELS: readonly OutboxChannel[] = ['email', 'slack', 'teams'];
const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({ value: channel, label: OUTBOX_CHANNEL_LABELS[channel] }));

function isOutboxChannel(value: string): value is OutboxChannel {
  return (CHANNELS as readonly string[]).includes(value);
}

export function OutboxPage() {
  const [params, setParams] = useSearchParamState(['status', 'channel', 'message'] as const);
  const status = isOutboxStatus(params.status) ? params.status : '';
  const channel = isOutboxChannel(params.channel) ? params.channel : '';
  const query = useOutboxMessages(status, channel);
  const messages = flattenPages(query.data);

  return (
    <>
      <PageHeader
        title="Outbox"
        description="Every e-mail and Slack or Teams post Vouch sends goes through here first, so nothing is lost if delivery fails. Open one to see it as the recipient will, or to send it again."
      />
      <Stack gap="md">
        <Group align="flex-end" gap="sm" role="search" aria-label="Filter messages">
          <Select
            label="Delivery status"
            placeholder="Any status"
            data={STATUS_OPTIONS}
            value={status || null}
            onChange={(value) => setParams({ status: value })}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the Delivery status filter' }}
            w={{ base: '100%', xs: 220 }}
          />
          <Select
            label="Channel"
            placeholder="Any channel"
            data={CHANNEL_OPTIONS}
            value={channel || null}
            onChange={(value) => setParams({ channel: value })}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the Channel filter' }}
            w={{ base: '100%', xs: 220 }}
          />
        </Group>
        {query.isPending && <CenteredLoader label="Loading messages" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && messages.length === 0 && (
          <EmptyHint
            icon={<IconMailCheck aria-hidden />}
            title={status ? `No messages are ${OUTBOX_STATUS_LABELS[status].toLowerCase()}` : channel ? `No ${OUTBOX_CHANNEL_LABELS[channel]} messages` : 'No messages yet'}
            description={
              status || channel
                ? 'Nothing in this state right now. Pick another status or clear the filter.'
                : 'Invitations and notifications appear here as Vouch sends them. Invite someone from Users to see one.'
            }
          />
        )}
        {messages.length > 0 && (
          <>
            <OutboxTable messages={messages} onOpen={(message) => setParams({ message: message.id }, { replace: false })} />
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={messages.length}
              noun={messages.length === 1 ? 'message' : 'messages'}
            />
          </>
        )}
      </Stack>
      <OutboxMessageModal messageId={params.message || null} onClose={() => setParams({ message: null }, { replace: false })} />
    </>
  );
}
