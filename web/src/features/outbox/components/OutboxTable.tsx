import { Anchor, Table, Text } from '@mantine/core';
import type { OutboxMessage } from '@/shared/api/types';
import { formatDateTime, formatRelative } from '@/shared/format/dates';
import { OutboxStatusBadge } from './OutboxStatusBadge';

interface OutboxTableProps {
  messages: OutboxMessage[];
  onOpen: (message: OutboxMessage) => void;
}

export function OutboxTable({ messages, onOpen }: OutboxTableProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Outbox messages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Subject</Table.Th>
            <Table.Th scope="col">To</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Attempts</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((message) => (
            <Table.Tr key={message.id}>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={() => onOpen(message)}>
                  {message.subject || '(no subject)'}
                </Anchor>
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
