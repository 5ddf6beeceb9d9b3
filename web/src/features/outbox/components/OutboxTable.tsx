import { Anchor, Group, Table, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { formatDateTime, formatRelative } from '@/shared/format/dates';
import type { OutboxMessage } from '../api/types';
import { OutboxChannelBadge } from './OutboxChannelBadge';
import { OutboxStatusBadge } from './OutboxStatusBadge';

interface OutboxTableProps {
  messages: OutboxMessage[];
  onOpen: (message: OutboxMessage) => void;
}

export function OutboxTable({ messages, onOpen }: OutboxTableProps) {
  return (
    <Table.ScrollContainer minWidth={940}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Outbox messages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Channel</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Attempts</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => onOpen(message)}>
                    {message.subject || '(no subject)'}
                  </Anchor>
                  {message.attachments.length > 0 && (
                    <IconPaperclip size={14} aria-label={`${message.attachments.length} attachment${message.attachments.length === 1 ? '' : 's'}`} />
                  )}
                </Group>
                <Text size="xs" c="dimmed" ff="monospace">
                  {message.kind}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {message.to}
                </Text>
              </Table.Td>
              <Table.Td>
                <OutboxChannelBadge channel={message.channel} />
              </Table.Td>
              <Table.Td>
                <OutboxStatusBadge status={message.status} />
                {message.lastError && message.status !== 'sent' && (
                  <Text size="xs" c="dimmed" lineClamp={1} maw={220} title={message.lastError}>
                    {message.lastError}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{message.attempts}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={formatDateTime(message.createdAt)}>
                  {formatRelative(message.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
