import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/shared/api/apiError';
import { plural } from '@/shared/format/numbers';
import { notifySuccess } from '@/shared/ui/notify';
import { useMergeTaxonomyValue } from '../api/taxonomy';
import type { MergeResult, TaxonomyValue } from '../api/types';

interface MergeValueModalProps {
  value: TaxonomyValue | null;
  onClose: () => void;
  values: readonly TaxonomyValue[];
}

interface MergeFormProps {
  value: TaxonomyValue;
  values: readonly TaxonomyValue[];
  onDone: () => void;
}

function MergeForm({ value, values, onDone }: MergeFormProps) {
  const merge = useMergeTaxonomyValue(value.id);
  const [intoId, setIntoId] = useState<string | null>(null);
  const [result, setResult] = useState<MergeResult | null>(null);
  const hasChildren = values.some((other) => other.parentKey === value.key);
  const targets = values.filter(
    (other) => other.id !== value.id && other.status === 'live' && (!hasChildren || !other.parentKey),
  );
  const target = targets.find((other) => other.id === intoId);
  const usage = value.usage ?? 0;
  const fieldError = merge.error instanceof ApiError ? merge.error.fieldErrors['intoId'] : undefined;

  if (result) {
    const { accounts, advocates } = result.rewritten;
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Merged" role="status">
          “{value.label}” is now part of “{result.value.label}”.
        </Alert>
        <List size="sm">
          <List.Item>{plural(accounts, 'account')} rewritten</List.Item>
          <List.Item>{plural(advocates, 'advocate')} rewritten</List.Item>
        </List>
        <Group justify="flex-end">
          <Button onClick={onDone} data-autofocus>
            Done
          </Button>
        </Group>
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Text size="sm">
        Every account and advocate holding “{value.label}” will hold the value you pick instead. “{value.label}” is
        then retired for good: a merge cannot be undone.
      </Text>
      <Select
        label="Merge into"
        placeholder="Pick the value to keep"
        data={targets.map((other) => ({ value: other.id, label: other.label }))}
        value={intoId}
        onChange={setIntoId}
        searchable
        comboboxProps={{ withinPortal: true }}
        nothingFoundMessage="No such value"
        error={fieldError}
        data-autofocus
      />
      {target && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="note">
          {usage === 0
            ? `No record holds “${value.label}”: only the value itself is retired.`
            : `${plural(usage, 'record')} holding “${value.label}” will be rewritten to “${target.label}”.`}
        </Alert>
      )}
      {merge.isError && !fieldError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(merge.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          color="red"
          disabled={!target}
          loading={merge.isPending}
          onClick={() =>
            intoId &&
            merge.mutate(intoId, {
              onSuccess: (merged) => {
                setResult(merged);
                notifySuccess(`“${value.label}” was merged into “${merged.value.label}”.`, 'Merged');
              },
            })
          }
        >
          {target ? `Merge into “${target.label}”` : 'Merge'}
        </Button>
      </Group>
    </Stack>
  );
}

/** Fold a duplicate value into another, rewriting every record that holds it. */
export function MergeValueModal({ value, onClose, values }: MergeValueModalProps) {
  return (
    <Modal
      opened={value !== null}
      onClose={onClose}
      title={value ? `Merge “${value.label}”` : ''}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {value && <MergeForm key={value.id} value={value} values={values} onDone={onClose} />}
    </Modal>
  );
}
