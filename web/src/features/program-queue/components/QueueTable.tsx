import { Anchor, Badge, Button, Checkbox, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { RushBadge } from '@/features/requests/components/StatusBadges';
import { purposeLabel, requestReference } from '@/features/requests/lib/labels';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDateTime, formatDay, formatRelative } from '@/shared/format/dates';
import type { QueueItem } from '../api/types';
import { QUEUE_KIND_COLORS, QUEUE_KIND_LABELS } from '../lib/labels';

export type RowAction = 'no_answer' | 'rematch' | 'override';

interface QueueTableProps {
  items: QueueItem[];
  selected: ReadonlySet<string>;
  onSelect: (key: string, selected: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  onAction: (item: QueueItem, action: RowAction) => void;
  busyKey: string | null;
}

/** A queue item's stable key (the same request can be in the queue for several reasons). */
export function queueKey(item: QueueItem): string {
  return `${item.kind}:${item.candidate?.id ?? item.activityId ?? item.request.id}`;
}

function dueText(item: QueueItem): string {
  if (item.kind === 'needs_candidates' || item.kind === 'blocked') return `Needed ${formatDay(item.request.neededBy)}`;
  if (item.kind === 'debrief_missing') return `Took place ${formatDay(item.dueAt)}`;
  return `${item.kind === 'no_answer' ? 'Ask expired' : 'Due'} ${formatRelative(item.dueAt)}`;
}

function RowActions({ item, onAction, busy }: { item: QueueItem; onAction: QueueTableProps['onAction']; busy: boolean }) {
  const ref = requestReference(item.request.number);
  if (item.kind === 'no_answer') {
    return (
      <Button size="xs" variant="light" loading={busy} onClick={() => onAction(item, 'no_answer')} aria-label={`Mark no answer on ${ref}`}>
        Mark no answer
      </Button>
    );
  }
  if (item.kind === 'needs_candidates') {
    return (
      <Group gap={6} wrap="nowrap">
        <Button size="xs" component={Link} to={`/requests/${item.request.id}?action=propose`} aria-label={`Propose candidates for ${ref}`}>
          Propose…
        </Button>
        <Button size="xs" variant="default" loading={busy} onClick={() => onAction(item, 'rematch')} aria-label={`Re-match ${ref}`}>
          Re-match
        </Button>
      </Group>
    );
  }
  if (item.kind === 'blocked') {
    return (
      <Button size="xs" variant="light" color="orange" onClick={() => onAction(item, 'override')} aria-label={`Override readiness of ${ref}`}>
        Override…
      </Button>
    );
  }
  return (
    <Button size="xs" variant="default" component={Link} to={`/requests/${item.request.id}`} aria-label={`Open ${ref}`}>
      Open
    </Button>
  );
}

export function QueueTable({ items, selected, onSelect, onSelectAll, onAction, busyKey }: QueueTableProps) {
  const activityTypes = useTaxonomyLabels('activity_type');
  const all = items.length > 0 && items.every((item) => selected.has(queueKey(item)));
  const some = items.some((item) => selected.has(queueKey(item)));
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Program queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              <Checkbox
                aria-label="Select every row"
                checked={all}
                indeterminate={some && !all}
                onChange={(event) => onSelectAll(event.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th scope="col">Why</Table.Th>
            <Table.Th scope="col">Request</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const key = queueKey(item);
            const ref = requestReference(item.request.number);
            return (
              <Table.Tr key={key} bg={selected.has(key) ? 'var(--mantine-primary-color-light)' : undefined}>
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${QUEUE_KIND_LABELS[item.kind]} on ${ref}`}
                    checked={selected.has(key)}
                    onChange={(event) => onSelect(key, event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge color={QUEUE_KIND_COLORS[item.kind]} variant="light">
                    {QUEUE_KIND_LABELS[item.kind]}
                  </Badge>
                  <Text size="xs" c={item.kind === 'overdue_approval' ? 'red' : 'dimmed'} mt={4} title={formatDateTime(item.dueAt)}>
                    {dueText(item)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Anchor component={Link} to={`/requests/${item.request.id}`} fw={600} size="sm">
                      {ref} · {activityTypes.label(item.request.activityTypeKey)}
                    </Anchor>
                    {item.request.rush && <RushBadge />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {item.request.opportunity
                      ? `${item.request.opportunity.name} (${item.request.opportunity.prospectName})`
                      : (purposeLabel(item.request.purpose) ?? '—')}
                    {item.request.candidatesTried > 0 ? ` · ${item.request.candidatesTried} tried` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.request.requester.name}</Text>
                  {item.candidate && (
                    <Text size="xs" c="dimmed">
                      {item.candidate.advocate.name} at {item.candidate.account.name}
                      {item.candidate.approver && item.kind.includes('approval') ? ` · owner ${item.candidate.approver.name}` : ''}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <RowActions item={item} onAction={onAction} busy={busyKey === key} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
