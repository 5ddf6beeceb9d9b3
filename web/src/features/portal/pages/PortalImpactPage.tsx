import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ActivityStatus } from '@domain/requests/request-states';
import { formatDate, formatDay } from '@/shared/format/dates';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { usePortalImpact } from '../api/portal';

const STATUS: Record<ActivityStatus, { label: string; color: string }> = {
  held: { label: 'Upcoming', color: 'blue' },
  planned: { label: 'Upcoming', color: 'blue' },
  happened: { label: 'Done', color: 'green' },
  did_not_happen: { label: 'Did not happen', color: 'gray' },
  cancelled: { label: 'Cancelled', color: 'gray' },
};

const THANKS: Record<string, string> = { note: 'A note', gift: 'A gift', donation: 'A donation in your name', points: 'Points' };

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

/** `/portal/impact`: what the advocate did, the deals they helped win, thank-yous and points. */
export function PortalImpactPage() {
  const impact = usePortalImpact();
  return (
    <>
      <PageHeader title="Your impact" description="What your help amounted to. Thank you." />
      {impact.isPending && <CenteredLoader label="Loading your impact" />}
      {impact.isError && <QueryError error={impact.error} onRetry={() => void impact.refetch()} />}
      {impact.data && (
        <Stack gap="xl">
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Figure label="Conversations" value={impact.data.totals.happened} />
            <Figure label="Deals helped win" value={impact.data.totals.dealsWon} />
            <Figure label="Thank-yous" value={impact.data.totals.thankYous} />
            <Figure label="Points" value={impact.data.totals.points} />
          </SimpleGrid>

          <Stack gap="sm" component="section" aria-labelledby="impact-wins">
            <Title order={2} fz="h3" id="impact-wins">
              Deals you helped win
            </Title>
            {impact.data.wins.length === 0 ? (
              <Text size="sm" c="dimmed">
                None yet. We will tell you when a deal you spoke for is won.
              </Text>
            ) : (
              <Stack gap="xs">
                {impact.data.wins.map((win, index) => (
                  <Text key={index} size="sm">
                    {win.prospectName ?? 'A customer'} chose us on {formatDay(win.wonOn)}
                    {win.activityCount > 1 ? `, after ${win.activityCount} conversations with you` : ''}.
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="impact-activities">
            <Title order={2} fz="h3" id="impact-activities">
              What you did
            </Title>
            {impact.data.activities.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing yet.
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={480}>
                <Table striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">What</Table.Th>
                      <Table.Th scope="col">When</Table.Th>
                      <Table.Th scope="col">With</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {impact.data.activities.map((activity) => (
                      <Table.Tr key={activity.id}>
                        <Table.Td>{activity.activityLabel}</Table.Td>
                        <Table.Td>{formatDay(activity.occursOn)}</Table.Td>
                        <Table.Td>{activity.prospectName ?? '—'}</Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={STATUS[activity.status].color}>
                            {STATUS[activity.status].label}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Stack>

          <Stack gap="sm" component="section" aria-labelledby="impact-thanks">
            <Title order={2} fz="h3" id="impact-thanks">
              Thank-yous
            </Title>
            {impact.data.thankYous.length === 0 ? (
              <Text size="sm" c="dimmed">
                None recorded yet.
              </Text>
            ) : (
              impact.data.thankYous.map((thanks) => (
                <Paper key={thanks.id} withBorder p="sm">
                  <Text size="sm" fw={600}>
                    {THANKS[thanks.kind] ?? thanks.kind} from {thanks.givenByName}, {formatDate(thanks.givenAt)}
                    {thanks.points > 0 ? ` · ${thanks.points} points` : ''}
                  </Text>
                  {thanks.note && <Text size="sm">{thanks.note}</Text>}
                </Paper>
              ))
            )}
          </Stack>
        </Stack>
      )}
    </>
  );
}
