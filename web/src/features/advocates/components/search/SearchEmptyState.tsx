import { Button, Group, Loader, Text } from '@mantine/core';
import { IconUserSearch, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { plural } from '@/shared/format/numbers';
import { useSearchTotals } from '../../api/search';
import { labelFunction, useFilterLabelers } from '../../lib/filterLabels';
import { FILTERS, type FilterParam } from '../../lib/searchFilters';
import { withoutFilter, type SearchState } from '../../lib/searchState';

interface SearchEmptyStateProps {
  state: SearchState;
  onRemoveFilter: (param: FilterParam) => void;
  onClearQuery: () => void;
  onClearAll: () => void;
  onAnyStatus: () => void;
}

interface Relaxation {
  id: FilterParam | 'q';
  /** "Topic: Security or Migration". */
  describe: string;
  action: string;
  state: SearchState;
}

/**
 * No results: find out which single filter is the most restrictive (the one whose removal
 * brings back the most advocates) and offer to remove it.
 */
export function SearchEmptyState({ state, onRemoveFilter, onClearQuery, onClearAll, onAnyStatus }: SearchEmptyStateProps) {
  const labelers = useFilterLabelers();
  const relaxations: Relaxation[] = FILTERS.filter((definition) => state.filters[definition.param].length > 0).map(
    (definition) => {
      const labelOf = labelFunction(definition, labelers);
      return {
        id: definition.param,
        describe: `${definition.label}: ${state.filters[definition.param].map(labelOf).join(' or ')}`,
        action: `Remove the ${definition.label.toLowerCase()} filter`,
        state: withoutFilter(state, definition.param),
      };
    },
  );
  if (state.q.trim() !== '') {
    relaxations.push({
      id: 'q',
      describe: `the words “${state.q.trim()}”`,
      action: 'Clear the search words',
      state: { ...state, q: '' },
    });
  }
  const totals = useSearchTotals(
    relaxations.map((relaxation) => relaxation.state),
    relaxations.length > 0,
  );
  const checking = totals.isPending && relaxations.length > 0;
  const ranked = relaxations
    .map((relaxation, index) => ({ ...relaxation, total: totals.data?.[index] ?? 0 }))
    .filter((relaxation) => relaxation.total > 0)
    .sort((a, b) => b.total - a.total);
  const best = ranked[0];
  const relax = (id: FilterParam | 'q') => (id === 'q' ? onClearQuery() : onRemoveFilter(id));
  const onlyActive = state.filters.status.every((status) => status === 'active');

  if (relaxations.length === 0) {
    return (
      <EmptyHint
        icon={<IconUsersGroup aria-hidden />}
        title="No active advocates yet"
        description={
          "Advocates appear here once the program team activates them. Nominate people from their account's page, " +
          'or include advocates still being recruited.'
        }
        action={
          <Group gap="sm" justify="center">
            {onlyActive && <Button onClick={onAnyStatus}>Include every status</Button>}
            <Button component={Link} to="/accounts" variant="default">
              Go to accounts
            </Button>
          </Group>
        }
      />
    );
  }

  return (
    <EmptyHint
      icon={<IconUserSearch aria-hidden />}
      title="No advocates match all of these filters"
      description={
        checking ? (
          <Group gap="xs" justify="center" component="span">
            <Loader size="xs" aria-hidden />
            <Text span size="sm">
              Finding which filter to loosen…
            </Text>
          </Group>
        ) : best ? (
          `The most restrictive is ${best.describe}. Without it, ${plural(best.total, 'advocate')} match.`
        ) : (
          'Even without any single one of them nothing matches. Start again with fewer filters.'
        )
      }
      action={
        <Group gap="sm" justify="center">
          {best && <Button onClick={() => relax(best.id)}>{best.action}</Button>}
          {ranked.slice(1, 3).map((relaxation) => (
            <Button key={relaxation.id} variant="default" onClick={() => relax(relaxation.id)}>
              {`${relaxation.action} (${plural(relaxation.total, 'match', 'matches')})`}
            </Button>
          ))}
          <Button variant="subtle" onClick={onClearAll}>
            Clear all filters
          </Button>
        </Group>
      }
    />
  );
}
