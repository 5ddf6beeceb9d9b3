import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { SecretInput } from '@/shared/forms/SecretInput';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation, validateConfirmation, validateNewPassword } from '@/shared/forms/validators';
import { notifySuccess } from '@/shared/ui/notify';
import { FALLBACK_MIN_PASSWORD_LENGTH, usePasswordPolicy } from '../api/publicAuth';
import { useChangePassword } from '../api/session';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

interface ChangePasswordFormProps {
  email: string;
  name: string;
}

export function ChangePasswordForm({ email, name }: ChangePasswordFormProps) {
  const policy = usePasswordPolicy();
  const minLength = policy.data?.minLength ?? FALLBACK_MIN_PASSWORD_LENGTH;
  const changePassword = useChangePassword();
  const form = useForm({
    ...liveValidation,
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value: string) => (value === '' ? 'Enter your current password' : null),
      newPassword: (value: string, values: { currentPassword: string }) =>
        validateNewPassword(minLength)(value) ??
        (value !== '' && value === values.currentPassword ? 'Choose a password different from the current one' : null),
      confirmPassword: (value: string, values: { newPassword: string }) => validateConfirmation(value, values.newPassword),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    clearProblem();
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess("You're still signed in here; any other devices were signed out.", 'Password changed');
        },
        onError: handleError,
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormAlert problem={problem} />
        <SecretInput label="Current password" autoComplete="current-password" {...form.getInputProps('currentPassword')} />
        <div>
          <SecretInput
            label="New password"
            description={`At least ${minLength} characters.`}
            autoComplete="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordStrengthMeter password={form.values.newPassword} minLength={minLength} personal={[email, name]} />
        </div>
        <SecretInput label="Confirm new password" autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
        <Group>
          <Button type="submit" loading={changePassword.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
