import { ActionIcon, Anchor, Badge, Code, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import type { AuditEvent } from '@/shared/api/types';
import { formatDateTime, formatRelative } from '@/shared/format/dates';
import { actionColor, actionLabel } from '../lib/actionLabels';

interface AuditTableProps {
  events: AuditEvent[];
  onFilterActor: (actorId: string) => void;
  onFilterTarget: (targetType: string, targetId: string) => void;
}

function actorCell(event: AuditEvent, onFilterActor: (actorId: string) => void) {
  if (event.actor) {
    const { actor } = event;
    return (
      <>
        <Tooltip label="Show only this person's actions">
          <Anchor component="button" type="button" size="sm" fw={500} onClick={() => onFilterActor(actor.id)} ta="left">
            {actor.name}
          </Anchor>
        </Tooltip>
        <Text size="xs" c="dimmed">
          {actor.email}
        </Text>
      </>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      {event.actorLabel ?? 'System'}
    </Text>
  );
}

function targetCell(event: AuditEvent, onFilterTarget: (targetType: string, targetId: string) => void) {
  if (!event.targetType) return <Text size="sm" c="dimmed">—</Text>;
  const label = event.targetLabel ?? event.targetId ?? event.targetType;
  return (
    <>
      {event.targetId ? (
        <Tooltip label="Show only events about this">
          <Anchor
            component="button"
            type="button"
            size="sm"
            ta="left"
            onClick={() => onFilterTarget(event.targetType ?? '', event.targetId ?? '')}
          >
            {label}
          </Anchor>
        </Tooltip>
      ) : (
        <Text size="sm">{label}</Text>
      )}
      <Text size="xs" c="dimmed">
        {event.targetType}
      </Text>
    </>
  );
}

export function AuditTable({ events, onFilterActor, onFilterTarget }: AuditTableProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" aria-label="Audit events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={44}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">Target</Table.Th>
            <Table.Th scope="col">IP address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => {
            const open = expanded.has(event.id);
            const detailsId = `audit-details-${event.id}`;
            return (
              <Fragment key={event.id}>
                <Table.Tr>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      onClick={() => toggle(event.id)}
                      aria-expanded={open}
                      aria-controls={open ? detailsId : undefined}
                      aria-label={`${open ? 'Hide' : 'Show'} details of ${actionLabel(event.action)} at ${formatDateTime(event.at)}`}
                    >
                      {open ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDateTime(event.at)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatRelative(event.at)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={actionColor(event.action)} radius="sm" style={{ textTransform: 'none' }}>
                      {actionLabel(event.action)}
                    </Badge>
                    <Text size="xs" c="dimmed" ff="monospace" mt={2}>
                      {event.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>{actorCell(event, onFilterActor)}</Table.Td>
                  <Table.Td>{targetCell(event, onFilterTarget)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {event.ip ?? '—'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {open && (
                  <Table.Tr id={detailsId}>
                    <Table.Td />
                    <Table.Td colSpan={5}>
                      <Stack gap={4}>
                        <Text size="xs" c="dimmed">
                          Event {event.id}
                          {event.targetId ? ` · target id ${event.targetId}` : ''}
                        </Text>
                        {Object.keys(event.details).length === 0 ? (
                          <Text size="sm" c="dimmed">
                            No further details were recorded.
                          </Text>
                        ) : (
                          <Code block>{JSON.stringify(event.details, null, 2)}</Code>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
