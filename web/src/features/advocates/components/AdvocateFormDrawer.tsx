import { Drawer, Text } from '@mantine/core';
import type { Advocate } from '../api/types';
import { AdvocateForm } from './form/AdvocateForm';

interface AdvocateFormDrawerProps {
  opened: boolean;
  onClose: () => void;
  /** Editing; otherwise adding someone at the account. */
  advocate?: Advocate;
  account: { id: string; name: string };
  isAdmin: boolean;
  onSaved?: (advocate: Advocate) => void;
}

/** Add or edit an advocate in a side panel, so the page stays in view. */
export function AdvocateFormDrawer({ opened, onClose, advocate, account, isAdmin, onSaved }: AdvocateFormDrawerProps) {
  const title = advocate
    ? `Edit ${advocate.name}`
    : `${isAdmin ? 'Add' : 'Nominate'} an advocate at ${account.name}`;
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={title}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {!advocate && !isAdmin && (
        <Text size="sm" c="dimmed" mb="md">
          The program team reviews each nomination, interviews the person and records their consent before anyone
          asks them for help.
        </Text>
      )}
      {opened && (
        <AdvocateForm
          advocate={advocate}
          accountId={account.id}
          isAdmin={isAdmin}
          onCancel={onClose}
          onSaved={(saved) => {
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Drawer>
  );
}
