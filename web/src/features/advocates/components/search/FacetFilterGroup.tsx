import { Badge, Button, Checkbox, Group, Stack, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconSearch } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { flagEmoji } from '@/features/taxonomy/lib/flags';
import { matchChoices, topChoices, TOP_CHOICES, type FilterChoice } from '../../lib/filterOptions';
import type { FilterDefinition } from '../../lib/searchFilters';
import classes from './search.module.css';

interface FacetFilterGroupProps {
  definition: FilterDefinition;
  choices: FilterChoice[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  expanded: boolean;
  onToggle: () => void;
  /** The selection is the server's default, not the person's choice. */
  isDefault?: boolean;
}

function ChoiceLabel({ choice, flag }: { choice: FilterChoice; flag: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
      <Text span size="sm" lineClamp={2}>
        {flag && <span aria-hidden>{flag} </span>}
        {choice.label}
      </Text>
      {choice.count !== undefined && (
        <>
          <Text span size="xs" c="dimmed" aria-hidden>
            {choice.count}
          </Text>
          <VisuallyHidden>, {choice.count === 1 ? '1 advocate' : `${choice.count} advocates`}</VisuallyHidden>
        </>
      )}
    </Group>
  );
}

/** One collapsible group of checkboxes: top choices first, "Show all", and a search box for long lists. */
export function FacetFilterGroup({ definition, choices, selected, onChange, expanded, onToggle, isDefault }: FacetFilterGroupProps) {
  const [showAll, setShowAll] = useState(false);
  const [search, setSearch] = useState('');
  const panelId = useId();
  const searching = search.trim() !== '';
  const matches = matchChoices(choices, search);
  const shown = searching || showAll ? matches : topChoices(matches, selected);
  const hiddenCount = matches.length - shown.length;
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));

  return (
    <div className={classes.group}>
      <UnstyledButton className={classes.groupToggle} onClick={onToggle} aria-expanded={expanded} aria-controls={panelId}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap={6} wrap="nowrap">
            {expanded ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
            <Text span size="sm" fw={600}>
              {definition.label}
            </Text>
          </Group>
          {selected.length > 0 && !isDefault && (
            <Badge size="sm" radius="sm" aria-label={`${selected.length} selected`}>
              {selected.length}
            </Badge>
          )}
        </Group>
      </UnstyledButton>
      {expanded && (
        <Stack gap={6} id={panelId} role="group" aria-label={definition.label} pt={6} pb="xs">
          {definition.description && (
            <Text size="xs" c="dimmed">
              {definition.description}
            </Text>
          )}
          {definition.searchable && choices.length > TOP_CHOICES && (
            <TextInput
              size="xs"
              aria-label={`Search ${definition.noun}`}
              placeholder={`Search ${definition.noun}`}
              leftSection={<IconSearch size={14} aria-hidden />}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
          )}
          {shown.length === 0 && (
            <Text size="xs" c="dimmed">
              {searching ? `No ${definition.noun} match “${search.trim()}”.` : 'None among these results.'}
            </Text>
          )}
          {shown.map((choice) => (
            <Checkbox
              key={choice.value}
              size="xs"
              classNames={{ body: classes.choiceBody, labelWrapper: classes.choiceLabel }}
              label={<ChoiceLabel choice={choice} flag={definition.param === 'country' ? flagEmoji(choice.value) : ''} />}
              checked={selected.includes(choice.value)}
              onChange={(event) => toggle(choice.value, event.currentTarget.checked)}
            />
          ))}
          {!searching && (hiddenCount > 0 || showAll) && matches.length > TOP_CHOICES && (
            <Button variant="subtle" size="compact-xs" onClick={() => setShowAll((value) => !value)} w="fit-content">
              {showAll ? 'Show fewer' : `Show all ${matches.length} ${definition.noun}`}
            </Button>
          )}
        </Stack>
      )}
    </div>
  );
}
