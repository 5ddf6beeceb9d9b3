import { ADVOCATE_STATUSES } from '@domain/advocate-lifecycle';
import { Box, Button, Drawer, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { plural } from '@/shared/format/numbers';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { Columns } from '@/shared/ui/Columns';
import { LoadMore } from '@/shared/ui/LoadMore';
import { PageHeader } from '@/shared/ui/PageHeader';
import { QueryError } from '@/shared/ui/QueryError';
import { useAdvocateSearch } from '../api/search';
import { ActiveFilters } from '../components/search/ActiveFilters';
import { ResultList } from '../components/search/ResultList';
import { SearchActions } from '../components/search/SearchActions';
import { SearchEmptyState } from '../components/search/SearchEmptyState';
import { SearchFiltersPanel } from '../components/search/SearchFiltersPanel';
import { SearchToolbar } from '../components/search/SearchToolbar';
import { paramsOf } from '../lib/savedSearch';
import { activeFilterCount, useAdvocateSearchState } from '../lib/searchState';

/** Find advocates: facet filters on the left, results on the right, everything in the URL. */
export function AdvocatesSearchPage() {
  const { state, setQuery, setSort, setFilter, clearAll, replaceAll } = useAdvocateSearchState();
  const [filtersOpen, filtersDrawer] = useDisclosure(false);
  const search = useAdvocateSearch(state);
  const pages = search.data?.pages ?? [];
  const hits = pages.flatMap((page) => page.items);
  const total = pages[0]?.total;

  const panel = (
    <SearchFiltersPanel state={state} facets={pages[0]?.facets} onFilterChange={setFilter} onClearAll={clearAll} />
  );

  const results = (
    <Stack gap="md">
      <SearchToolbar
        q={state.q}
        sort={state.sort}
        onQueryChange={setQuery}
        onSortChange={setSort}
        onOpenFilters={filtersDrawer.open}
        filterCount={activeFilterCount(state)}
      />
      <ActiveFilters
        state={state}
        onRemove={(param, value) => setFilter(param, state.filters[param].filter((v) => v !== value))}
      />
      <VisuallyHidden component="h2">Results</VisuallyHidden>
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Text size="sm" fw={600} role="status" aria-live="polite" aria-busy={search.isFetching}>
          {total === undefined ? '' : `${plural(total, 'advocate')} found`}
        </Text>
        <SearchActions state={state} total={total} onApply={(saved) => replaceAll(paramsOf(saved.query))} />
      </Group>
      {search.isPending && <CenteredLoader label="Searching advocates" />}
      {search.isError && (
        <QueryError error={search.error} title="Couldn't search advocates" onRetry={() => void search.refetch()} />
      )}
      {search.isSuccess && hits.length === 0 && (
        <SearchEmptyState
          state={state}
          onRemoveFilter={(param) => setFilter(param, [])}
          onClearQuery={() => setQuery('')}
          onClearAll={clearAll}
          onAnyStatus={() => setFilter('status', ADVOCATE_STATUSES)}
        />
      )}
      {hits.length > 0 && !search.isError && (
        <>
          <ResultList items={hits} />
          <LoadMore
            hasMore={search.hasNextPage}
            loading={search.isFetchingNextPage}
            onLoadMore={() => void search.fetchNextPage()}
            shown={hits.length}
            total={total}
            noun={hits.length === 1 ? 'advocate' : 'advocates'}
          />
        </>
      )}
    </Stack>
  );

  return (
    <>
      <PageHeader
        title="Advocates"
        description="Find the customer who can vouch for you: narrow by what the prospect needs, then open a profile."
      />
      <Columns layout="filters">
        <Box visibleFrom="md">{panel}</Box>
        <div>{results}</div>
      </Columns>
      <Drawer
        opened={filtersOpen}
        onClose={filtersDrawer.close}
        title={total === undefined ? 'Filters' : `Filters · ${plural(total, 'advocate')}`}
        position="left"
        size="sm"
        closeButtonProps={{ 'aria-label': 'Close filters' }}
      >
        {panel}
        <Box pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
          <Button fullWidth onClick={filtersDrawer.close}>
            {total === undefined ? 'Show results' : `Show ${plural(total, 'advocate')}`}
          </Button>
        </Box>
      </Drawer>
    </>
  );
}
