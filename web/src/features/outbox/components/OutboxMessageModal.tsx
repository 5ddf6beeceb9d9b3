import { Alert, Box, Code, Modal, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { formatDateTime } from '@/shared/format/dates';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { MetaList } from '@/shared/ui/MetaList';
import { QueryError } from '@/shared/ui/QueryError';
import { useOutboxMessage } from '../api/outbox';
import { OUTBOX_STATUS_HELP, OutboxStatusBadge } from './OutboxStatusBadge';

interface OutboxMessageModalProps {
  messageId: string | null;
  onClose: () => void;
}

/** A queued e-mail as its recipient sees it: HTML in a locked-down frame, and the plain-text part. */
export function OutboxMessageModal({ messageId, onClose }: OutboxMessageModalProps) {
  const query = useOutboxMessage(messageId);
  const message = query.data;

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
              { label: 'Status', value: <OutboxStatusBadge status={message.status} /> },
              { label: 'Kind', value: <Code>{message.kind}</Code> },
              { label: 'Created', value: formatDateTime(message.createdAt) },
              { label: 'Sent', value: formatDateTime(message.sentAt, 'Not yet') },
              { label: 'Attempts', value: message.attempts },
            ]}
          />
          <Text size="xs" c="dimmed">
            {OUTBOX_STATUS_HELP[message.status]}
          </Text>
          {message.lastError && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Last delivery error">
              <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {message.lastError}
              </Text>
            </Alert>
          )}
          <Tabs defaultValue="html" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html">As the recipient sees it</Tabs.Tab>
              <Tabs.Tab value="text">Plain text</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              {message.html ? (
                <Box
                  component="iframe"
                  sandbox=""
                  srcDoc={message.html}
                  title={`E-mail preview: ${message.subject}`}
                  referrerPolicy="no-referrer"
                  w="100%"
                  h={480}
                  bd="1px solid var(--mantine-color-default-border)"
                  style={{ borderRadius: 'var(--mantine-radius-md)', background: '#fff', colorScheme: 'light' }}
                />
              ) : (
                <Text size="sm" c="dimmed">
                  This message has no HTML part.
                </Text>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto' }}>
                {message.text || '(empty)'}
              </Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Modal>
  );
}
