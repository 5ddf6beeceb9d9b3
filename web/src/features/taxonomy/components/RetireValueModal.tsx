import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { errorMessage } from '@/shared/api/apiError';
import { plural } from '@/shared/format/numbers';
import { notifySuccess } from '@/shared/ui/notify';
import { useSetTaxonomyValueRetired } from '../api/taxonomy';
import type { TaxonomyValue } from '../api/types';

interface RetireValueModalProps {
  value: TaxonomyValue | null;
  onClose: () => void;
}

/** Retiring hides a value from pickers; records keep it. Confirmed, because it affects everyone's filters. */
export function RetireValueModal({ value, onClose }: RetireValueModalProps) {
  const retire = useSetTaxonomyValueRetired();
  const close = () => {
    retire.reset();
    onClose();
  };
  const usage = value?.usage ?? 0;
  return (
    <Modal
      opened={value !== null}
      onClose={close}
      title={value ? `Retire “${value.label}”?` : ''}
      centered
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {value && (
        <Stack gap="md">
          <Text size="sm">
            “{value.label}” disappears from pickers and filters.{' '}
            {usage > 0
              ? `The ${plural(usage, 'record')} holding it keep it and show it marked as retired.`
              : 'No record holds it.'}{' '}
            You can restore it later. To move its records to another value, merge it instead.
          </Text>
          {retire.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(retire.error)}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} data-autofocus>
              Keep it
            </Button>
            <Button
              color="red"
              loading={retire.isPending}
              onClick={() =>
                retire.mutate(
                  { id: value.id, retired: true },
                  {
                    onSuccess: () => {
                      notifySuccess(`“${value.label}” is retired.`, 'Retired');
                      close();
                    },
                  },
                )
              }
            >
              Retire
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
