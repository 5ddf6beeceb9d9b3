import { ActionIcon, Menu } from '@mantine/core';
import { IconArrowMerge, IconDots, IconPencil, IconArchive, IconRestore } from '@tabler/icons-react';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { useSetTaxonomyValueRetired } from '../api/taxonomy';
import type { TaxonomyValue } from '../api/types';

export type ValueAction = 'edit' | 'merge' | 'retire';

interface ValueActionsProps {
  value: TaxonomyValue;
  onAction: (action: ValueAction, value: TaxonomyValue) => void;
}

/** Edit, merge, retire or restore one value. */
export function ValueActions({ value, onAction }: ValueActionsProps) {
  const restore = useSetTaxonomyValueRetired();
  if (value.status === 'merged') return null;
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${value.label}`} loading={restore.isPending}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onAction('edit', value)}>
          Rename or edit…
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={() => onAction('merge', value)}>
          Merge into another…
        </Menu.Item>
        {value.status === 'live' ? (
          <Menu.Item color="red" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => onAction('retire', value)}>
            Retire…
          </Menu.Item>
        ) : (
          <Menu.Item
            leftSection={<IconRestore size={16} aria-hidden />}
            onClick={() =>
              restore.mutate(
                { id: value.id, retired: false },
                {
                  onSuccess: () => notifySuccess(`“${value.label}” can be picked again.`, 'Restored'),
                  onError: (error) => notifyError(error, "Couldn't restore"),
                },
              )
            }
          >
            Restore
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
