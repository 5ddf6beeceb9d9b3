import { Button, Group, Menu } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBookmark, IconBookmarkPlus, IconChevronDown, IconDownload, IconSettings } from '@tabler/icons-react';
import { plural } from '@/shared/format/numbers';
import { searchExportUrl } from '../../api/search';
import { useSavedSearches, type SavedSearch } from '../../api/savedSearches';
import { savedQueryOf, showsSavedSearch } from '../../lib/savedSearch';
import { activeFilterCount, type SearchState } from '../../lib/searchState';
import { ManageSavedSearchesModal } from './ManageSavedSearchesModal';
import { SaveSearchModal } from './SaveSearchModal';

interface SearchActionsProps {
  state: SearchState;
  total: number | undefined;
  onApply: (search: SavedSearch) => void;
}

function describe(state: SearchState): string {
  const parts = [plural(activeFilterCount(state), 'filter')];
  if (state.q.trim()) parts.push(`the words “${state.q.trim()}”`);
  return `Saves ${parts.join(' and ')}${state.sort ? `, sorted by ${state.sort}` : ''}. Open it again from “Saved searches”.`;
}

/** Save the search, open a saved one, and download the results as CSV. */
export function SearchActions({ state, total, onApply }: SearchActionsProps) {
  const saved = useSavedSearches();
  const [saving, saveModal] = useDisclosure(false);
  const [managing, manageModal] = useDisclosure(false);
  const searches = saved.data ?? [];
  const current = searches.find((s) => showsSavedSearch(state, s.query));

  return (
    <Group gap="xs" wrap="wrap">
      <Button variant="default" size="sm" leftSection={<IconBookmarkPlus size={16} aria-hidden />} onClick={saveModal.open} disabled={Boolean(current)}>
        {current ? `Saved as “${current.name}”` : 'Save search'}
      </Button>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" size="sm" leftSection={<IconBookmark size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
            Saved searches{searches.length ? ` (${searches.length})` : ''}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {saved.isError && <Menu.Label>Couldn&apos;t load your saved searches</Menu.Label>}
          {!saved.isError && searches.length === 0 && <Menu.Label>No saved searches yet</Menu.Label>}
          {searches.map((search) => (
            <Menu.Item key={search.id} onClick={() => onApply(search)} aria-current={search.id === current?.id ? 'true' : undefined} fw={search.id === current?.id ? 600 : undefined}>
              {search.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconSettings size={14} aria-hidden />} onClick={manageModal.open}>
            Rename or delete…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Button
        component="a"
        href={searchExportUrl(state)}
        download
        variant="default"
        size="sm"
        leftSection={<IconDownload size={16} aria-hidden />}
        aria-label={total === undefined ? 'Export CSV' : `Export CSV (${plural(total, 'advocate')})`}
      >
        Export CSV
      </Button>
      <SaveSearchModal opened={saving} onClose={saveModal.close} query={savedQueryOf(state)} summary={describe(state)} />
      <ManageSavedSearchesModal opened={managing} onClose={manageModal.close} searches={searches} />
    </Group>
  );
}
