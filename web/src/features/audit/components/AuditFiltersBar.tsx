import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { isoToLocalInput, localInputToIso } from '@/shared/format/dates';
import type { AuditFilters } from '../api/auditEvents';
import { useAuditActions } from '../api/auditEvents';
import { actionLabel } from '../lib/actionLabels';
import { ActorSelect } from './ActorSelect';

interface AuditFiltersBarProps {
  filters: AuditFilters;
  onChange: (changes: Partial<Record<keyof AuditFilters, string | null>>) => void;
}

export function AuditFiltersBar({ filters, onChange }: AuditFiltersBarProps) {
  const actions = useAuditActions();
  const actionOptions = (actions.data ?? []).map((action) => ({ value: action, label: `${actionLabel(action)} (${action})` }));
  if (filters.action && !actionOptions.some((option) => option.value === filters.action)) {
    actionOptions.push({ value: filters.action, label: filters.action });
  }
  const anyFilter = Object.values(filters).some((value) => value !== '');

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter the audit log">
      <Select
        label="Action"
        placeholder={actions.isError ? 'Actions unavailable' : 'Any action'}
        data={actionOptions}
        value={filters.action || null}
        onChange={(value) => onChange({ action: value })}
        searchable
        clearable
        clearButtonProps={{ 'aria-label': 'Clear the Action filter' }}
        nothingFoundMessage="No such action"
        w={{ base: '100%', sm: 240 }}
      />
      <ActorSelect value={filters.actorId} onChange={(actorId) => onChange({ actorId })} />
      <TextInput
        type="datetime-local"
        label="From"
        value={isoToLocalInput(filters.from || null)}
        onChange={(event) => onChange({ from: localInputToIso(event.currentTarget.value) })}
        w={{ base: '100%', xs: 200 }}
      />
      <TextInput
        type="datetime-local"
        label="To"
        value={isoToLocalInput(filters.to || null)}
        onChange={(event) => onChange({ to: localInputToIso(event.currentTarget.value) })}
        error={filters.from && filters.to && filters.from > filters.to ? 'Must be after "From"' : undefined}
        w={{ base: '100%', xs: 200 }}
      />
      {anyFilter && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} aria-hidden />}
          onClick={() => onChange({ action: null, actorId: null, targetType: null, targetId: null, from: null, to: null })}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );
}
