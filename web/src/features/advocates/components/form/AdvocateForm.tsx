import { Button, Checkbox, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { ApiError } from '@/shared/api/apiError';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { useCreateAdvocate, useUpdateAdvocate } from '../../api/advocates';
import type { Advocate } from '../../api/types';
import { advocateFormValues, changedInput, createInput } from '../../lib/advocateForm';
import { advocateValidation } from '../../lib/advocateValidation';
import { BlackoutsFields } from './BlackoutsFields';
import { ExpertiseFields } from './ExpertiseFields';
import { IdentityFields } from './IdentityFields';
import { ProgramFields } from './ProgramFields';
import { StoryFields } from './StoryFields';
import { WillingnessFields } from './WillingnessFields';

export interface AdvocateFormProps {
  /** Editing this advocate; otherwise a new one at `accountId`. */
  advocate?: Advocate;
  accountId: string;
  /** Admins see and set the program's own fields (status, points, consent, verification, cap). */
  isAdmin: boolean;
  onSaved: (advocate: Advocate) => void;
  onCancel: () => void;
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Divider />
      <Title order={3} fz="h5">
        {title}
      </Title>
      {children}
    </>
  );
}

/** The whole profile: identity, expertise, story, willingness, availability, and admin-only fields. */
export function AdvocateForm({ advocate, accountId, isAdmin, onSaved, onCancel }: AdvocateFormProps) {
  const create = useCreateAdvocate();
  const update = useUpdateAdvocate(advocate?.id ?? '');
  const [initial] = useState(() => advocateFormValues(advocate));
  const [nameClash, setNameClash] = useState(false);
  const [allowDuplicateName, setAllowDuplicateName] = useState(false);
  const [failed, setFailed] = useState(false);
  const form = useForm({ ...liveValidation, initialValues: initial, validate: advocateValidation });
  const { problem, handleError, clearProblem, setProblem } = useFormProblem(form);
  const duplicate = allowDuplicateName ? { allowDuplicateName: true } : {};

  const onError = (error: unknown) => {
    setFailed(true);
    handleError(error);
    if (error instanceof ApiError && error.status === 409 && error.fieldErrors['lastName']) {
      setNameClash(true);
      setProblem({
        message:
          'Someone with this name is already an advocate at this account. If this is a different person, tick the ' +
          'box below and save again.',
        extra: [],
      });
    }
  };

  const submit = form.onSubmit(
    (values) => save(values),
    () => setFailed(true),
  );

  function save(values: typeof initial) {
    setFailed(false);
    clearProblem();
    if (!advocate) {
      const input = createInput(values, isAdmin);
      create.mutate(
        { ...input, ...duplicate, accountId, firstName: values.firstName.trim(), lastName: values.lastName.trim() },
        {
          onSuccess: (saved) => {
            notifySuccess(
              saved.status === 'nominated' ? `${saved.name} was nominated.` : `${saved.name} was added.`,
              'Advocate added',
            );
            onSaved(saved);
          },
          onError,
        },
      );
      return;
    }
    const changes = changedInput(initial, values, isAdmin);
    if (Object.keys(changes).length === 0) {
      notifySuccess('Nothing to save: no changes were made.');
      return;
    }
    update.mutate(
      { ...changes, ...duplicate },
      {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name}'s profile was updated.`, 'Saved');
          onSaved(saved);
        },
        onError,
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <IdentityFields form={form} contact={advocate?.contact} />
        {nameClash && (
          <Checkbox
            label="They are a different person with the same name: save anyway"
            checked={allowDuplicateName}
            onChange={(event) => setAllowDuplicateName(event.currentTarget.checked)}
          />
        )}
        <Part title="Role and expertise">
          <ExpertiseFields form={form} />
        </Part>
        <Part title="Story">
          <StoryFields form={form} />
        </Part>
        <Part title="Willingness">
          <WillingnessFields form={form} />
        </Part>
        <Part title="Availability">
          <BlackoutsFields form={form} />
        </Part>
        {isAdmin && (
          <Part title="Program">
            <ProgramFields form={form} creating={!advocate} />
          </Part>
        )}
        <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
          {failed && (
            <Text size="sm" c="red" mr="auto">
              Not saved: check the messages above.
            </Text>
          )}
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {advocate ? 'Save changes' : isAdmin ? 'Add advocate' : 'Nominate'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
