import { Anchor, Badge, Table, Text } from '@mantine/core';
import { IconCalendarEvent, IconTrophy } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTaxonomyLabels } from '@/features/taxonomy/api/taxonomyLabels';
import { formatDay } from '@/shared/format/dates';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { QueryError } from '@/shared/ui/QueryError';
import { SectionCard } from '@/shared/ui/SectionCard';
import { useOpportunityActivities } from '../../api/activities';
import type { ActivityStatus } from '../../api/types';
import { requestReference } from '../../lib/labels';

const STATUS_LABELS: Record<ActivityStatus, string> = {
  held: 'Approved, waiting for the advocate',
  planned: 'Planned',
  happened: 'Happened',
  did_not_happen: 'Did not happen',
  cancelled: 'Cancelled',
};

const STATUS_COLORS: Record<ActivityStatus, string> = {
  held: 'yellow',
  planned: 'blue',
  happened: 'teal',
  did_not_happen: 'orange',
  cancelled: 'gray',
};

/**
 * For the opportunity page: every use of an advocate on this deal. Once it is won, those whose
 * conversation happened helped win it (their impact is recorded).
 */
export function OpportunityActivitiesPanel({ opportunityId, won = false }: { opportunityId: string; won?: boolean }) {
  const query = useOpportunityActivities(opportunityId);
  const activityTypes = useTaxonomyLabels('activity_type');
  return (
    <SectionCard title="Reference activities">
      {query.isPending && <CenteredLoader label="Loading activities" minHeight={80} />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess &&
        (query.data.length === 0 ? (
          <EmptyHint
            icon={<IconCalendarEvent aria-hidden />}
            title="No reference activity yet"
            description="Once an advocate says yes to a request for this deal, the conversation shows here, with its debriefs."
          />
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="xs" aria-label="Reference activities on this opportunity">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Advocate</Table.Th>
                  <Table.Th scope="col">Activity</Table.Th>
                  <Table.Th scope="col">Date</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.map((activity) => (
                  <Table.Tr key={activity.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/advocates/${activity.advocate.id}`} size="sm">
                        {activity.advocate.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {activity.account.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{activityTypes.label(activity.activityTypeKey)}</Text>
                      {activity.request && (
                        <Anchor component={Link} to={`/requests/${activity.request.id}`} size="xs">
                          {requestReference(activity.request.number)}
                        </Anchor>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDay(activity.occursOn)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={STATUS_COLORS[activity.status]} variant="light">
                        {STATUS_LABELS[activity.status]}
                      </Badge>
                      {won && activity.status === 'happened' && (
                        <Badge color="grape" variant="filled" ml={6} leftSection={<IconTrophy size={12} aria-hidden />}>
                          Helped win
                        </Badge>
                      )}
                      {activity.debriefedBy.length > 0 && (
                        <Text size="xs" c="dimmed">
                          Debriefed by {activity.debriefedBy.join(' and ')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </SectionCard>
  );
}
