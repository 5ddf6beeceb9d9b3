import { resolveSide, type MergeChoices } from '@domain/advocate-merge';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/shared/api/apiError';
import { notifySuccess } from '@/shared/ui/notify';
import { useMergeAdvocate } from '../../api/merge';
import type { Advocate } from '../../api/types';
import { MERGE_FIELD_ORDER, mergeableOf } from '../../lib/mergeFields';
import { DuplicatePicker } from './DuplicatePicker';
import { MergeComparison } from './MergeComparison';

interface MergeAdvocateModalProps {
  survivor: Advocate;
  opened: boolean;
  onClose: () => void;
}

/** Pick a duplicate, choose per field what to keep, confirm: the duplicate merges into this profile. */
export function MergeAdvocateModal({ survivor, opened, onClose }: MergeAdvocateModalProps) {
  const merge = useMergeAdvocate(survivor.id);
  const [duplicate, setDuplicate] = useState<Advocate | null>(null);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [differentAccountsOk, setDifferentAccountsOk] = useState(false);
  const close = () => {
    merge.reset();
    setDuplicate(null);
    setChoices({});
    setDifferentAccountsOk(false);
    onClose();
  };
  const pick = (picked: Advocate) => {
    const a = mergeableOf(survivor);
    const b = mergeableOf(picked);
    // Start from the rules' defaults, so what is shown is exactly what is sent.
    setChoices(Object.fromEntries(MERGE_FIELD_ORDER.map((field) => [field, resolveSide(field, a, b, {})])));
    setDuplicate(picked);
    setDifferentAccountsOk(false);
    merge.reset();
  };
  const differentAccounts = duplicate !== null && duplicate.account.id !== survivor.account.id;

  return (
    <Modal opened={opened} onClose={close} title={duplicate ? `Merge ${duplicate.name} into this profile` : `Merge a duplicate into ${survivor.name}`} size="xl" centered closeButtonProps={{ 'aria-label': 'Close' }}>
      {!duplicate && <DuplicatePicker survivor={survivor} onPick={pick} />}
      {duplicate && (
        <Stack gap="md">
          <Text size="sm">
            The duplicate record ({duplicate.name} at {duplicate.account.name}) will be <strong>deleted</strong> after its details move into this profile. This
            cannot be undone.
          </Text>
          <MergeComparison survivor={survivor} duplicate={duplicate} choices={choices} onChoose={(field, side) => setChoices((c) => ({ ...c, [field]: side }))} />
          {differentAccounts && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} role="note" title="These records are at different accounts">
              <Checkbox
                label="They are the same person (for example, they changed companies)"
                checked={differentAccountsOk}
                onChange={(event) => setDifferentAccountsOk(event.currentTarget.checked)}
              />
            </Alert>
          )}
          {merge.isError && (
            <Alert color="red" variant="light" role="alert" title="Vouch refused this merge">
              {errorMessage(merge.error)}
              {merge.error instanceof ApiError &&
                Object.values(merge.error.fieldErrors).map((reason) => (
                  <Text key={reason} size="sm">
                    {reason}
                  </Text>
                ))}
            </Alert>
          )}
          <Group justify="space-between" gap="sm">
            <Button variant="subtle" onClick={() => setDuplicate(null)}>
              Pick another record
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button
                color="red"
                loading={merge.isPending}
                disabled={differentAccounts && !differentAccountsOk}
                onClick={() =>
                  merge.mutate(
                    { duplicateId: duplicate.id, fields: choices, ...(differentAccounts ? { allowDifferentAccounts: true } : {}) },
                    {
                      onSuccess: (merged) => {
                        notifySuccess(`${duplicate.name}'s record was merged into ${merged.name}.`, 'Advocates merged');
                        close();
                      },
                    },
                  )
                }
              >
                Merge and delete the duplicate
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
