import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { ApiError } from '@/shared/api/apiError';
import { FormAlert } from '@/shared/forms/FormAlert';
import { SecretInput } from '@/shared/forms/SecretInput';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation, validateConfirmation, validateName, validateNewPassword } from '@/shared/forms/validators';
import { useAcceptInvitation } from '../api/publicAuth';
import { PasswordStrengthMeter } from './PasswordStrengthMeter';

interface AcceptInvitationFormProps {
  token: string;
  email: string;
  initialName: string;
  minLength: number;
  onAccepted: (email: string) => void;
  /** The link stopped working between preview and submit (used, revoked or expired). */
  onLinkGone: (message: string) => void;
}

export function AcceptInvitationForm({ token, email, initialName, minLength, onAccepted, onLinkGone }: AcceptInvitationFormProps) {
  const accept = useAcceptInvitation();
  const form = useForm({
    ...liveValidation,
    initialValues: { name: initialName, password: '', confirmPassword: '' },
    validate: {
      name: validateName,
      password: validateNewPassword(minLength),
      confirmPassword: (value: string, values: { password: string }) => validateConfirmation(value, values.password),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    clearProblem();
    accept.mutate(
      { token, name: values.name.trim(), password: values.password },
      {
        onSuccess: (result) => onAccepted(result.email || email),
        onError: (error) => {
          if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
            onLinkGone(error.userMessage);
            return;
          }
          handleError(error);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <TextInput label="Full name" autoComplete="name" {...form.getInputProps('name')} />
        <div>
          <SecretInput
            label="Password"
            description={`At least ${minLength} characters. A short phrase of unrelated words works well.`}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          <PasswordStrengthMeter
            password={form.values.password}
            minLength={minLength}
            personal={[email, form.values.name]}
          />
        </div>
        <SecretInput label="Confirm password" autoComplete="new-password" {...form.getInputProps('confirmPassword')} />
        <Button type="submit" fullWidth loading={accept.isPending} mt="xs">
          Create my account
        </Button>
      </Stack>
    </form>
  );
}
