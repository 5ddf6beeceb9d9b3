import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { flattenPages } from '@/shared/api/pagination';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { LoadMore } from '@/shared/ui/LoadMore';
import { QueryError } from '@/shared/ui/QueryError';
import { useAdvocatesList } from '../../api/advocates';
import { isAdvocateStatus } from '../../lib/labels';
import type { SearchState } from '../../lib/searchState';
import { ResultList } from './ResultList';

/**
 * When the faceted search is unavailable: advocates by name from the plain list, which knows
 * only search words and one status.
 */
export function FallbackResults({ state }: { state: SearchState }) {
  const first = state.filters.status[0] ?? 'active';
  const status = isAdvocateStatus(first) ? first : 'active';
  const query = useAdvocatesList({ q: state.q, status });
  const advocates = flattenPages(query.data);

  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title="Search is unavailable" role="status">
        The advocate search is not available on this server yet, so filters, counts and sorting are off. Below are
        advocates in name order; your search words and status still apply.
      </Alert>
      {query.isPending && <CenteredLoader label="Loading advocates" />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && advocates.length === 0 && (
        <Text c="dimmed" ta="center" py="lg">
          No advocates with this status match these words. Try other words, or another status.
        </Text>
      )}
      {advocates.length > 0 && (
        <>
          <ResultList items={advocates.map((advocate) => ({ advocate }))} />
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
            shown={advocates.length}
            noun={advocates.length === 1 ? 'advocate' : 'advocates'}
          />
        </>
      )}
    </Stack>
  );
}
