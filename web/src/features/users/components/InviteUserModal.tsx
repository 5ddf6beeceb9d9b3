import { Button, Group, Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Role, Team } from '@domain/roles';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation, validateEmail, validateName } from '@/shared/forms/validators';
import { ROLE_OPTIONS, TEAM_OPTIONS, isRole, isTeam } from '@/shared/ui/roleOptions';
import { useCreateInvitation, type InvitationResult } from '../api/invitations';
import { InviteLinkPanel } from './InviteLinkPanel';

interface InviteUserModalProps {
  opened: boolean;
  onClose: () => void;
}

interface InviteValues {
  email: string;
  name: string;
  roles: string[];
  team: string;
}

const emptyValues: InviteValues = { email: '', name: '', roles: [], team: '' };

function InviteForm({ onCreated, onCancel }: { onCreated: (result: InvitationResult) => void; onCancel: () => void }) {
  const create = useCreateInvitation();
  const form = useForm<InviteValues>({
    ...liveValidation,
    initialValues: emptyValues,
    validate: {
      email: validateEmail,
      name: validateName,
      roles: (value: string[]) => (value.length === 0 ? 'Pick at least one role' : null),
      team: (value: string) => (value === '' ? 'Pick a team' : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    clearProblem();
    const roles = values.roles.filter(isRole) as Role[];
    if (!isTeam(values.team)) return;
    const team: Team = values.team;
    create.mutate(
      { email: values.email.trim(), name: values.name.trim(), roles, team },
      { onSuccess: onCreated, onError: handleError },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          They get a link to choose a password. Roles decide what they can do; you can change them later.
        </Text>
        <FormAlert problem={problem} />
        <TextInput label="E-mail" type="email" autoComplete="off" data-autofocus {...form.getInputProps('email')} />
        <TextInput label="Full name" autoComplete="off" {...form.getInputProps('name')} />
        <MultiSelect
          label="Roles"
          placeholder={form.values.roles.length === 0 ? 'Pick one or more' : undefined}
          data={ROLE_OPTIONS}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('roles')}
        />
        <Select
          label="Team"
          placeholder="Pick a team"
          data={TEAM_OPTIONS}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('team')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending}>
            Send invitation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Invite someone; afterwards show how the invitation reaches them. */
export function InviteUserModal({ opened, onClose }: InviteUserModalProps) {
  const [result, setResult] = useState<InvitationResult | null>(null);
  const [formKey, setFormKey] = useState(0);

  const close = () => {
    onClose();
    setResult(null);
    setFormKey((key) => key + 1);
  };

  return (
    <Modal opened={opened} onClose={close} title="Invite a person" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {result ? (
        <Stack gap="md">
          <InviteLinkPanel result={result} kind="created" />
          <Group justify="flex-end" gap="sm">
            <Button
              variant="default"
              onClick={() => {
                setResult(null);
                setFormKey((key) => key + 1);
              }}
            >
              Invite another person
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <InviteForm key={formKey} onCreated={setResult} onCancel={close} />
      )}
    </Modal>
  );
}
