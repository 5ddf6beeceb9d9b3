import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/shared/api/apiError';
import { notifySuccess } from '@/shared/ui/notify';
import { useSaveSearch, type SavedSearchQuery } from '../../api/savedSearches';

interface SaveSearchModalProps {
  opened: boolean;
  onClose: () => void;
  query: SavedSearchQuery;
  /** A short description of what is being saved ("3 filters, words “data”"). */
  summary: string;
}

/** Asks for a name and saves the search on screen. */
export function SaveSearchModal({ opened, onClose, query, summary }: SaveSearchModalProps) {
  const save = useSaveSearch();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const close = () => {
    save.reset();
    setName('');
    setTouched(false);
    onClose();
  };
  const localError = name.trim() === '' ? 'Give the search a name' : name.trim().length > 100 ? 'Keep the name under 100 characters' : null;
  const serverError = save.error instanceof ApiError ? save.error.fieldErrors.name : undefined;
  const submit = () => {
    setTouched(true);
    if (localError) return;
    save.mutate(
      { name: name.trim(), query },
      {
        onSuccess: (saved) => {
          notifySuccess(`“${saved.name}” is in your saved searches.`, 'Search saved');
          close();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title="Save this search" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {summary}
          </Text>
          <TextInput
            label="Name"
            placeholder="e.g. EU banking VPs for security"
            required
            data-autofocus
            maxLength={100}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              if (save.isError) save.reset();
            }}
            onBlur={() => setTouched(true)}
            error={serverError ?? (touched ? localError : null)}
          />
          {save.isError && !serverError && (
            <Alert color="red" variant="light" role="alert" title="Couldn't save the search">
              {errorMessage(save.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save search
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
