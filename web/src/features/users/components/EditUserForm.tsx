import type { Team } from '@domain/roles';
import { Button, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { User } from '@/shared/api/types';
import { FormAlert } from '@/shared/forms/FormAlert';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation, validateName } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { ROLE_OPTIONS, TEAM_OPTIONS, isRole, isTeam } from '@/shared/ui/roleOptions';
import { useUpdateUser, type UserChanges } from '../api/users';

interface EditUserFormProps {
  user: User;
  isSelf: boolean;
}

interface EditValues {
  name: string;
  roles: string[];
  team: string;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

export function EditUserForm({ user, isSelf }: EditUserFormProps) {
  const update = useUpdateUser(user.id);
  const form = useForm<EditValues>({
    ...liveValidation,
    initialValues: { name: user.name, roles: [...user.roles], team: user.team },
    validate: {
      name: validateName,
      roles: (value: string[]) => {
        if (value.length === 0) return 'Pick at least one role';
        if (isSelf && user.roles.includes('admin') && !value.includes('admin'))
          return "You can't remove your own admin role. Another admin can do it.";
        return null;
      },
      team: (value: string) => (value === '' ? 'Pick a team' : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    clearProblem();
    const changes: UserChanges = {};
    if (values.name.trim() !== user.name) changes.name = values.name.trim();
    if (!sameRoles(values.roles, user.roles)) changes.roles = values.roles.filter(isRole);
    if (values.team !== user.team && isTeam(values.team)) changes.team = values.team as Team;
    if (Object.keys(changes).length === 0) {
      notifySuccess('Nothing to save: no changes were made.');
      return;
    }
    update.mutate(changes, {
      onSuccess: (saved) => {
        form.setInitialValues({ name: saved.name, roles: [...saved.roles], team: saved.team });
        form.reset();
        notifySuccess(`${saved.name}'s profile was updated.`, 'Saved');
      },
      onError: handleError,
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <TextInput label="Full name" autoComplete="off" {...form.getInputProps('name')} />
        <MultiSelect
          label="Roles"
          description="Roles decide what this person can see and do."
          data={ROLE_OPTIONS}
          {...form.getInputProps('roles')}
        />
        <Select label="Team" data={TEAM_OPTIONS} allowDeselect={false} {...form.getInputProps('team')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => form.reset()} disabled={!form.isDirty()}>
            Undo changes
          </Button>
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
