import { Button, Checkbox, Divider, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { NumberField } from '@/shared/forms/NumberField';
import { ApiError } from '@/shared/api/apiError';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { useCreateAccount, useUpdateAccount } from '../api/accounts';
import type { Account } from '../api/types';
import { accountFormValues, accountInputFrom, accountValidation, changedAccountInput } from '../lib/accountForm';
import { AccountFactsFields } from './AccountFactsFields';
import { OwnerSelect } from './OwnerSelect';
import { ReferenceStatusFields } from './ReferenceStatusFields';

interface AccountFormProps {
  /** Absent: a new account. */
  account?: Account;
  onSaved: (account: Account) => void;
  onCancel: () => void;
}

/** Every field of an account, for program admins. */
export function AccountForm({ account, onSaved, onCancel }: AccountFormProps) {
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? '');
  const [initial] = useState(() => accountFormValues(account));
  const [sameNameClash, setSameNameClash] = useState(false);
  const [allowDuplicateName, setAllowDuplicateName] = useState(false);
  const form = useForm({ ...liveValidation, initialValues: initial, validate: accountValidation });
  const { problem, handleError, clearProblem, setProblem } = useFormProblem(form);
  const values = form.getValues();
  const saving = create.isPending || update.isPending;

  const onError = (error: unknown) => {
    handleError(error);
    if (!account && error instanceof ApiError && error.status === 409 && error.fieldErrors['name']) {
      setSameNameClash(true);
      setProblem({
        message:
          'An account with this name exists already. If this is a different company, tick the box below the name ' +
          'and create it again.',
        extra: [],
      });
    }
  };

  const submit = form.onSubmit((formValues) => {
    clearProblem();
    if (!account) {
      const input = accountInputFrom(formValues);
      create.mutate(
        { ...input, ...(allowDuplicateName ? { allowDuplicateName: true } : {}) },
        {
          onSuccess: (saved) => {
            notifySuccess(`${saved.name} was added.`, 'Account created');
            onSaved(saved);
          },
          onError,
        },
      );
      return;
    }
    const changes = changedAccountInput(initial, formValues);
    if (Object.keys(changes).length === 0) {
      notifySuccess('Nothing to save: no changes were made.');
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        notifySuccess(`${saved.name} was updated.`, 'Saved');
        onSaved(saved);
      },
      onError,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <TextInput label="Company name" autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        {sameNameClash && (
          <Checkbox
            label="Create it anyway: this is a different company with the same name"
            checked={allowDuplicateName}
            onChange={(event) => setAllowDuplicateName(event.currentTarget.checked)}
          />
        )}
        <AccountFactsFields form={form} />

        <Divider />
        <Title order={3} fz="h5">
          Relationship and reference use
        </Title>
        <OwnerSelect
          label="Relationship owner"
          description="Approves or declines each use of this account's advocates."
          placeholder="No owner"
          current={account?.owner}
          comboboxProps={{ withinPortal: true }}
          clearButtonProps={{ 'aria-label': 'Clear Relationship owner' }}
          error={form.errors['ownerUserId']}
          value={values.ownerUserId}
          onChange={(ownerId) => form.setFieldValue('ownerUserId', ownerId ?? '')}
        />
        <ReferenceStatusFields
          status={values.referenceStatus}
          onStatusChange={(status) => form.setFieldValue('referenceStatus', status)}
          reasonProps={form.getInputProps('restrictionReason')}
          notesProps={form.getInputProps('notes')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NumberField
            label="Usage cap"
            description="Weighted uses per window; empty uses the program default."
            min={0}
            max={999_999.99}
            {...form.getInputProps('usageCap')}
          />
          <TextInput label="CRM id" autoComplete="off" {...form.getInputProps('crmId')} />
        </SimpleGrid>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {account ? 'Save changes' : 'Create account'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
