import { ActionIcon, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPencil, IconTrash, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '@/shared/api/apiError';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { useDeleteSavedSearch, useUpdateSavedSearch, type SavedSearch } from '../../api/savedSearches';

interface ManageSavedSearchesModalProps {
  opened: boolean;
  onClose: () => void;
  searches: readonly SavedSearch[];
}

function SavedSearchRow({ search }: { search: SavedSearch }) {
  const update = useUpdateSavedSearch();
  const remove = useDeleteSavedSearch();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [name, setName] = useState(search.name);
  const nameError = update.error instanceof ApiError ? (update.error.fieldErrors.name ?? update.error.userMessage) : null;

  const rename = () => {
    if (name.trim() === '' || name.trim() === search.name) {
      setEditing(false);
      setName(search.name);
      return;
    }
    update.mutate({ id: search.id, name: name.trim() }, { onSuccess: () => setEditing(false) });
  };

  if (editing) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          rename();
        }}
      >
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            label={`New name for “${search.name}”`}
            value={name}
            maxLength={100}
            data-autofocus
            onChange={(event) => {
              setName(event.currentTarget.value);
              update.reset();
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation();
                setEditing(false);
                setName(search.name);
              }
            }}
            error={nameError}
            style={{ flex: 1 }}
          />
          <ActionIcon type="submit" mt={26} size="lg" variant="light" aria-label="Save the new name" loading={update.isPending}>
            <IconCheck size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon mt={26} size="lg" variant="default" aria-label="Cancel renaming" onClick={() => { setEditing(false); setName(search.name); update.reset(); }}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </form>
    );
  }

  return (
    <Group justify="space-between" wrap="nowrap" gap="xs">
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {search.name}
      </Text>
      <Group gap={4} wrap="nowrap">
        {confirming ? (
          <>
            <Button
              size="xs"
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(search.id, {
                  onSuccess: () => notifySuccess(`“${search.name}” was deleted.`, 'Saved search deleted'),
                  onError: (error) => notifyError(error, "Couldn't delete the saved search"),
                })
              }
            >
              Delete “{search.name}”
            </Button>
            <Button size="xs" variant="default" onClick={() => setConfirming(false)}>
              Keep
            </Button>
          </>
        ) : (
          <>
            <ActionIcon variant="subtle" aria-label={`Rename “${search.name}”`} onClick={() => setEditing(true)}>
              <IconPencil size={16} aria-hidden />
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" aria-label={`Delete “${search.name}”`} onClick={() => setConfirming(true)}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </>
        )}
      </Group>
    </Group>
  );
}

/** Rename and delete saved searches. */
export function ManageSavedSearchesModal({ opened, onClose, searches }: ManageSavedSearchesModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Your saved searches" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      {searches.length === 0 ? (
        <Text size="sm" c="dimmed">
          No saved searches yet. Filter the results, then choose “Save search”.
        </Text>
      ) : (
        <Stack gap="sm">
          {searches.map((search) => (
            <SavedSearchRow key={search.id} search={search} />
          ))}
        </Stack>
      )}
    </Modal>
  );
}
