import { Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { useUpdateAccount } from '../api/accounts';
import type { Account, AccountInput, ReferenceStatus } from '../api/types';
import { ReferenceStatusFields } from './ReferenceStatusFields';

interface StatusValues {
  referenceStatus: ReferenceStatus;
  restrictionReason: string;
  notes: string;
}

const clean = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** What a relationship owner may change on their own account: reference status, restriction, notes. */
export function AccountStatusForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const update = useUpdateAccount(account.id);
  const form = useForm<StatusValues>({
    ...liveValidation,
    initialValues: {
      referenceStatus: account.referenceStatus,
      restrictionReason: account.restrictionReason ?? '',
      notes: account.notes ?? '',
    },
    validate: {
      restrictionReason: (value, values) =>
        values.referenceStatus === 'restricted' && value.trim() === ''
          ? 'Say why the account is restricted, so sellers know what to avoid'
          : null,
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);
  const values = form.getValues();

  const submit = form.onSubmit((formValues) => {
    clearProblem();
    const changes: AccountInput = {};
    if (formValues.referenceStatus !== account.referenceStatus) changes.referenceStatus = formValues.referenceStatus;
    const reason = formValues.referenceStatus === 'restricted' ? clean(formValues.restrictionReason) : null;
    if (reason !== account.restrictionReason) changes.restrictionReason = reason;
    const notes = clean(formValues.notes);
    if (notes !== account.notes) changes.notes = notes;
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        notifySuccess(`${saved.name} was updated.`, 'Saved');
        onDone();
      },
      onError: handleError,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          As the relationship owner you decide whether this account can be asked for references. Program admins
          keep the other facts up to date.
        </Text>
        <FormAlert problem={problem} />
        <ReferenceStatusFields
          status={values.referenceStatus}
          onStatusChange={(status) => form.setFieldValue('referenceStatus', status)}
          reasonProps={form.getInputProps('restrictionReason')}
          notesProps={form.getInputProps('notes')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
