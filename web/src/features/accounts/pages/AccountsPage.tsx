import { hasRole } from '@domain/roles';
import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBuildingPlus, IconBuildingSkyscraper, IconFilterOff } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useAccountsList } from '../api/accounts';
import type { AccountFilters } from '../api/types';
import { AccountFiltersBar } from '../components/AccountFiltersBar';
import { AccountFormDrawer } from '../components/AccountFormDrawer';
import { AccountsTable } from '../components/AccountsTable';
import { isReferenceStatus } from '../lib/referenceStatus';

const PARAMS = ['q', 'industry', 'country', 'ownerId', 'referenceStatus'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Customer accounts by name, with their industry, HQ, owner and whether they can be referenced. */
export function AccountsPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParamState(PARAMS);
  const [creating, create] = useDisclosure(false);
  const isAdmin = hasRole(user.roles, 'admin');

  const filters: AccountFilters = {
    q: params.q,
    industry: params.industry,
    country: params.country.toUpperCase(),
    ownerId: UUID.test(params.ownerId) ? params.ownerId : '',
    referenceStatus: isReferenceStatus(params.referenceStatus) ? params.referenceStatus : '',
  };
  const query = useAccountsList(filters);
  const accounts = flattenPages(query.data);
  const filtered = Object.values(filters).some((value) => value !== '');
  const clear = () => setParams({ q: null, industry: null, country: null, ownerId: null, referenceStatus: null });

  return (
    <>
      <PageHeader
        title="Accounts"
        description="Customer companies, who owns each relationship, and whether their people can be asked for references."
        actions={
          isAdmin && (
            <Button leftSection={<IconBuildingPlus size={18} aria-hidden />} onClick={create.open}>
              New account
            </Button>
          )
        }
      />
      <Stack gap="md">
        <AccountFiltersBar
          filters={filters}
          onChange={(changes) => setParams(changes)}
          ownerFilter={isAdmin ? 'any' : hasRole(user.roles, 'owner') ? 'mine' : 'none'}
          currentUserId={user.id}
        />
        {query.isPending && <CenteredLoader label="Loading accounts" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess && accounts.length === 0 && (
          filtered ? (
            <EmptyHint
              icon={<IconFilterOff aria-hidden />}
              title="No accounts match these filters"
              description="Try a shorter name, a whole sector instead of one industry, or clear the filters."
              action={
                <Button variant="default" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyHint
              icon={<IconBuildingSkyscraper aria-hidden />}
              title="No accounts yet"
              description={
                isAdmin
                  ? 'Add your customers one by one with “New account”; each needs a relationship owner to approve reference use.'
                  : 'Your program team adds customer accounts. Ask them to import the ones you work with.'
              }
              action={isAdmin ? <Button onClick={create.open}>New account</Button> : undefined}
            />
          )
        )}
        {accounts.length > 0 && (
          <>
            <AccountsTable accounts={accounts} />
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={accounts.length}
              noun={accounts.length === 1 ? 'account' : 'accounts'}
            />
          </>
        )}
      </Stack>
      {isAdmin && (
        <AccountFormDrawer
          opened={creating}
          onClose={create.close}
          mode="full"
          onSaved={(saved) => navigate(`/accounts/${saved.id}`)}
        />
      )}
    </>
  );
}
