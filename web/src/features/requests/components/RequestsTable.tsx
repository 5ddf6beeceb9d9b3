import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDay, formatRelative } from '@/shared/format/dates';
import type { RequestSummary } from '../api/types';
import { purposeLabel, requestReference } from '../lib/labels';
import { RequestStatusBadge, RushBadge } from './StatusBadges';

interface RequestsTableProps {
  requests: RequestSummary[];
  label: string;
  /** Show who asked (admins' lists). */
  withRequester?: boolean;
  /** All for one opportunity (its page): no "For" column. */
  withoutFor?: boolean;
}

export function RequestsTable({ requests, label, withRequester = false, withoutFor = false }: RequestsTableProps) {
  const activityTypes = useTaxonomyLabels('activity_type');
  return (
    <Table.ScrollContainer minWidth={withoutFor ? 480 : 760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Request</Table.Th>
            {!withoutFor && <Table.Th scope="col">For</Table.Th>}
            {withRequester && <Table.Th scope="col">Requested by</Table.Th>}
            <Table.Th scope="col">Needed by</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {requests.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/requests/${request.id}`} fw={600} size="sm">
                  {requestReference(request.number)} · {activityTypes.label(request.activityTypeKey)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {request.referencesNeeded === 1 ? '1 reference' : `${request.referencesNeeded} references`} · created{' '}
                  {formatRelative(request.createdAt)}
                </Text>
              </Table.Th>
              {!withoutFor && (
                <Table.Td>
                  <Text size="sm">
                    {request.opportunity?.name ?? purposeLabel(request.purpose) ?? request.prospect.name ?? '—'}
                  </Text>
                  {request.opportunity && (
                    <Text size="xs" c="dimmed">
                      {request.opportunity.prospectName}
                    </Text>
                  )}
                </Table.Td>
              )}
              {withRequester && (
                <Table.Td>
                  <Text size="sm">{request.requester.name}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm">{formatDay(request.neededBy)}</Text>
                  {request.rush && <RushBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <RequestStatusBadge status={request.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
