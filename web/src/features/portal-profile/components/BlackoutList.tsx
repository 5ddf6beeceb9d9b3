import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDay } from '@/shared/format/dates';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { useRemoveBlackout } from '../api/portalProfile';
import type { PortalBlackout } from '../api/types';

/** The advocate's periods: upcoming and current ones can go, past ones stay as they were. */
export function BlackoutList({ items }: { items: PortalBlackout[] }) {
  const remove = useRemoveBlackout();
  const [removingId, setRemovingId] = useState<string | null>(null);
  const onRemove = (blackout: PortalBlackout) => {
    setRemovingId(blackout.id);
    remove.mutate(blackout.id, {
      onSuccess: (result) =>
        notifySuccess(result.outcome === 'ended_early' ? 'The period now ended yesterday: you can be asked again from today.' : 'The period is removed.', 'Availability updated'),
      onError: (error) => notifyError(error, 'Not removed'),
      onSettled: () => setRemovingId(null),
    });
  };
  if (items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No periods yet: we may ask you any time, within how often you are willing to help.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table verticalSpacing="xs" aria-label="Your periods away">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>To</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>Status</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={b.id}>
              <Table.Td>{formatDay(b.startsOn)}</Table.Td>
              <Table.Td>{formatDay(b.endsOn)}</Table.Td>
              <Table.Td>{b.reason ?? '—'}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  {b.past ? (
                    <Badge color="gray" variant="light">
                      Past
                    </Badge>
                  ) : (
                    <Stack gap={2}>
                      {b.current && (
                        <Badge color="indigo" variant="light">
                          Under way
                        </Badge>
                      )}
                      <Button
                        size="xs"
                        variant="default"
                        loading={removingId === b.id}
                        aria-label={`${b.current ? 'End' : 'Remove'} the period from ${formatDay(b.startsOn)} to ${formatDay(b.endsOn)}`}
                        onClick={() => onRemove(b)}
                      >
                        {b.current ? 'End it now' : 'Remove'}
                      </Button>
                    </Stack>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
