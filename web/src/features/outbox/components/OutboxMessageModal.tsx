import { Alert, Button, Code, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconPaperclip, IconRefresh } from '@tabler/icons-react';
import { formatDateTime } from '@/shared/format/dates';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { MetaList } from '@/shared/ui/MetaList';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { QueryError } from '@/shared/ui/QueryError';
import { useOutboxMessage, useRetryOutboxMessage } from '../api/outbox';
import type { OutboxMessage } from '../api/types';
import { OutboxChannelBadge } from './OutboxChannelBadge';
import { OutboxMessagePreview } from './OutboxMessagePreview';
import { OUTBOX_STATUS_HELP, OutboxStatusBadge } from './OutboxStatusBadge';

interface OutboxMessageModalProps {
  messageId: string | null;
  onClose: () => void;
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

function RetryButton({ message }: { message: OutboxMessage }) {
  const retry = useRetryOutboxMessage();
  if (message.status !== 'dead' && message.status !== 'failed' && message.status !== 'held') return null;
  const label = message.status === 'held' ? 'Send now' : message.status === 'dead' ? 'Retry delivery' : 'Retry now';
  return (
    <Button
      leftSection={<IconRefresh size={16} aria-hidden />}
      variant="light"
      loading={retry.isPending}
      onClick={() =>
        retry.mutate(message.id, {
          onSuccess: () => notifySuccess('The message is queued and will go out within a few seconds.', 'Queued again'),
          onError: (error) => notifyError(error, 'Could not queue the message'),
        })
      }
    >
      {label}
    </Button>
  );
}

/** A queued message as its recipient gets it, with its delivery history and a retry. */
export function OutboxMessageModal({ messageId, onClose }: OutboxMessageModalProps) {
  const query = useOutboxMessage(messageId);
  const message = query.data;
  const waiting = message && (message.status === 'pending' || message.status === 'failed');

  return (
    <Modal
      opened={messageId !== null}
      onClose={onClose}
      title={message ? message.subject || '(no subject)' : 'Message'}
      size="xl"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {query.isPending && !message && <CenteredLoader label="Loading message" />}
      {query.isError && !message && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {message && (
        <Stack gap="md">
          <MetaList
            cols={3}
            items={[
              { label: 'To', value: message.to },
              { label: 'Channel', value: <OutboxChannelBadge channel={message.channel} /> },
              { label: 'Status', value: <OutboxStatusBadge status={message.status} /> },
              { label: 'Kind', value: <Code>{message.kind}</Code> },
              { label: 'Created', value: formatDateTime(message.createdAt) },
              { label: waiting ? 'Next attempt' : 'Sent', value: waiting ? formatDateTime(message.availableAt) : formatDateTime(message.sentAt, 'Not yet') },
              { label: 'Attempts', value: message.attempts },
            ]}
          />
          <Group justify="space-between" align="center" gap="sm">
            <Text size="xs" c="dimmed">
              {OUTBOX_STATUS_HELP[message.status]}
            </Text>
            <RetryButton message={message} />
          </Group>
          {message.lastError && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Last delivery error">
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {message.lastError}
              </Text>
            </Alert>
          )}
          {message.attachments.length > 0 && (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                Attachments
              </Text>
              <List size="sm" spacing={2} icon={<IconPaperclip size={14} aria-hidden />}>
                {message.attachments.map((a) => (
                  <List.Item key={a.filename}>
                    {a.filename}{' '}
                    <Text span size="xs" c="dimmed">
                      ({a.contentType.split(';')[0]}, {formatSize(a.size)})
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Stack>
          )}
          <OutboxMessagePreview message={message} />
        </Stack>
      )}
    </Modal>
  );
}
