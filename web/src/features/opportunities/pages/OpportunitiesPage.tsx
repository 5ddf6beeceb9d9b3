import { hasAnyRole, hasRole } from '@domain/roles';
import { Button, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconFilterOff, IconPlus, IconTargetArrow } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { flattenPages } from '@/shared/api/pagination';
import { useSearchParamState } from '@/shared/hooks/useSearchParamState';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useOpportunitiesList } from '../api/opportunities';
import type { OpportunityFilters } from '../api/types';
import { OpportunitiesTable } from '../components/OpportunitiesTable';
import { OpportunityFiltersBar } from '../components/OpportunityFiltersBar';
import { OpportunityFormDrawer } from '../components/OpportunityForm';
import { isOutcome, isSort } from '../lib/labels';

const PARAMS = ['q', 'stage', 'outcome', 'mine', 'sort'] as const;

/** Deals: a seller's own, or the whole pipeline for the program team, owners, marketing and executives. */
export function OpportunitiesPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParamState(PARAMS);
  const [creating, create] = useDisclosure(false);
  const isAdmin = hasRole(user.roles, 'admin');
  const canCreate = hasAnyRole(user.roles, ['admin', 'sales']);
  const readsAll = hasAnyRole(user.roles, ['admin', 'owner', 'marketing', 'exec']);

  const filters: OpportunityFilters = {
    q: params.q,
    stage: params.stage,
    outcome: isOutcome(params.outcome) ? params.outcome : '',
    mine: readsAll && params.mine === '1',
    sort: isSort(params.sort) ? params.sort : 'updated',
  };
  const query = useOpportunitiesList(filters);
  const items = flattenPages(query.data);
  const filtered = filters.q !== '' || filters.stage !== '' || filters.outcome !== '' || filters.mine;
  const clear = () => setParams({ q: null, stage: null, outcome: null, mine: null });

  return (
    <>
      <PageHeader
        title="Opportunities"
        description={
          readsAll
            ? 'Deals in the pipeline, how far along they are, and whether they are ready for a customer reference.'
            : 'Your deals, how far along they are, and whether they are ready for a customer reference.'
        }
        actions={
          <>
            {isAdmin && (
              <Button component={Link} to="/admin/imports" variant="default">
                Import from CRM
              </Button>
            )}
            {canCreate && (
              <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={create.open}>
                New opportunity
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <OpportunityFiltersBar filters={filters} onChange={(changes) => setParams(changes)} showMine={readsAll && hasRole(user.roles, 'sales')} />
        {query.isPending && <CenteredLoader label="Loading opportunities" />}
        {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
        {query.isSuccess &&
          items.length === 0 &&
          (filtered ? (
            <EmptyHint
              icon={<IconFilterOff aria-hidden />}
              title="No opportunities match these filters"
              description="Try part of the prospect's name, another stage, or clear the filters."
              action={
                <Button variant="default" onClick={clear}>
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyHint
              icon={<IconTargetArrow aria-hidden />}
              title="No opportunities yet"
              description={
                canCreate
                  ? 'Add the deal you are working on with “New opportunity”: its stage and readiness decide when a customer reference can be asked for.'
                  : 'Sellers add their deals here (or the program team imports them from the CRM); they will show up as soon as there is one.'
              }
              action={canCreate ? <Button onClick={create.open}>New opportunity</Button> : undefined}
            />
          ))}
        {items.length > 0 && (
          <>
            <OpportunitiesTable opportunities={items} />
            <LoadMore
              hasMore={query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              shown={items.length}
              noun={items.length === 1 ? 'opportunity' : 'opportunities'}
            />
          </>
        )}
      </Stack>
      {canCreate && (
        <OpportunityFormDrawer opened={creating} onClose={create.close} canChooseOwner={isAdmin} onSaved={(saved) => navigate(`/opportunities/${saved.id}`)} />
      )}
    </>
  );
}
