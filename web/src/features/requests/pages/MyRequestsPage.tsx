import { REQUEST_STATUSES, type RequestStatus } from '@domain/requests/request-states';
import { hasAnyRole, hasRole } from '@domain/roles';
import { Button, Stack } from '@mantine/core';
import { IconFilterOff, IconMessagePlus, IconMessages } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useRequestsList } from '../api/requests';
import type { RequestListFilters } from '../api/types';
import { RequestFiltersBar } from '../components/RequestFiltersBar';
import { RequestsTable } from '../components/RequestsTable';

const PARAMS = ['scope', 'status', 'activityTypeKey', 'q'] as const;

function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

/** `/requests`: the requests I made (admins: anyone's), filtered and paginated on the server. */
export function MyRequestsPage() {
  const user = useCurrentUser();
  const [params, setParams] = useSearchParamState(PARAMS);
  const isAdmin = hasRole(user.roles, 'admin');
  const mayRequest = hasAnyRole(user.roles, ['sales', 'marketing', 'admin']);
  const filters: RequestListFilters = {
    scope: isAdmin && params.scope === 'all' ? 'all' : 'mine',
    status: isRequestStatus(params.status) ? params.status : '',
    activityTypeKey: params.activityTypeKey,
    q: params.q,
  };
  const query = useRequestsList(filters);
  const requests = flattenPages(query.data);
  const filtered = filters.status !== '' || filters.activityTypeKey !== '' || filters.q !== '';
  const newButton = mayRequest && (
    <Button component={Link} to="/requests/new" leftSection={<IconMessagePlus size={18} aria-hidden />}>
      New request
    </Button>
  );

  return (
    <>
      <PageHeader
        title={filters.scope === 'all' ? 'All requests' : 'My requests'}
        documentTitle="Requests"
        description="Every reference you asked for, where it stands, and what happens next."
        actions={newButton}
      />
      <Stack gap="md">
        <RequestFiltersBar filters={filters} onChange={(changes) => setParams(changes)} canSeeAll={isAdmin} />
        {query.isPending && <CenteredLoader label="Loading requests" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && requests.length === 0 &&
          (filtered ? (
            <EmptyHint
              icon={<IconFilterOff aria-hidden />}
              title="No request matches these filters"
              description="Try another status or activity, or clear the filters."
              action={
                <Button variant="default" onClick={() => setParams({ status: null, activityTypeKey: null, q: null })}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyHint
              icon={<IconMessages aria-hidden />}
              title="No requests yet"
              description={
                mayRequest
                  ? 'Open one of your opportunities and choose “Find references”, or start a request here: the form is prefilled from the deal.'
                  : 'Sales and marketing request references; you will see the ones you are involved in here.'
              }
              action={newButton || undefined}
            />
          ))}
        {requests.length > 0 && (
          <>
            <RequestsTable requests={requests} label="Requests" withRequester={filters.scope === 'all'} />
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={requests.length}
              noun={requests.length === 1 ? 'request' : 'requests'}
            />
          </>
        )}
      </Stack>
    </>
  );
}
