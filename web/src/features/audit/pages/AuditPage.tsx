import { Alert, Button, CloseButton, Group, Stack, Text } from '@mantine/core';
import { IconFilter, IconHistory } from '@tabler/icons-react';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useAuditEvents, type AuditFilters } from '../api/auditEvents';
import { AuditFiltersBar } from '../components/AuditFiltersBar';
import { AuditTable } from '../components/AuditTable';

const PARAMS = ['action', 'actorId', 'targetType', 'targetId', 'from', 'to'] as const;

export function AuditPage() {
  const [filters, setFilters] = useSearchParamState(PARAMS);
  const auditFilters: AuditFilters = filters;
  const query = useAuditEvents(auditFilters);
  const events = flattenPages(query.data);
  const anyFilter = Object.values(filters).some((value) => value !== '');

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what and when: sign-ins, changes to people and every reveal of protected contact details. Newest first."
      />
      <Stack gap="md">
        <AuditFiltersBar filters={auditFilters} onChange={(changes) => setFilters(changes)} />
        {filters.targetType && (
          <Alert variant="light" color="indigo" icon={<IconFilter aria-hidden />} p="xs">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">
                Only events about {filters.targetType}
                {filters.targetId ? ` ${filters.targetId}` : ''}
              </Text>
              <CloseButton
                aria-label="Stop filtering by target"
                onClick={() => setFilters({ targetType: null, targetId: null })}
              />
            </Group>
          </Alert>
        )}
        {query.isPending && <CenteredLoader label="Loading the audit log" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && events.length === 0 && (
          <EmptyHint
            icon={<IconHistory aria-hidden />}
            title={anyFilter ? 'No events match these filters' : 'Nothing recorded yet'}
            description={
              anyFilter
                ? 'Widen the date range or clear a filter to see more.'
                : 'Events appear here as people sign in, get invited and change things in Vouch.'
            }
            action={
              anyFilter ? (
                <Button
                  variant="default"
                  onClick={() =>
                    setFilters({ action: null, actorId: null, targetType: null, targetId: null, from: null, to: null })
                  }
                >
                  Show all events
                </Button>
              ) : undefined
            }
          />
        )}
        {events.length > 0 && (
          <>
            <AuditTable
              events={events}
              onFilterActor={(actorId) => setFilters({ actorId }, { replace: false })}
              onFilterTarget={(targetType, targetId) => setFilters({ targetType, targetId }, { replace: false })}
            />
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={events.length}
              noun={events.length === 1 ? 'event' : 'events'}
            />
          </>
        )}
      </Stack>
    </>
  );
}
