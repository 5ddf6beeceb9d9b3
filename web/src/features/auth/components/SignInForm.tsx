import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormAlert } from '@/shared/forms/FormAlert';
import { SecretInput } from '@/shared/forms/SecretInput';
import { useFormProblem } from '@/shared/forms/serverErrors';
import { liveValidation, validateEmail } from '@/shared/forms/validators';
import { useSignIn } from '../api/session';

interface SignInFormProps {
  initialEmail?: string;
  onSignedIn: () => void;
}

export function SignInForm({ initialEmail = '', onSignedIn }: SignInFormProps) {
  const signIn = useSignIn();
  const form = useForm({
    ...liveValidation,
    initialValues: { email: initialEmail, password: '' },
    validate: {
      email: validateEmail,
      password: (value: string) => (value === '' ? 'Enter your password' : null),
    },
  });
  const { problem, handleError, clearProblem } = useFormProblem(form);

  const submit = form.onSubmit((values) => {
    clearProblem();
    signIn.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: onSignedIn,
        onError: (error) => {
          handleError(error);
          form.setFieldValue('password', '');
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormAlert problem={problem} />
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoFocus={initialEmail === ''}
          {...form.getInputProps('email')}
        />
        <SecretInput
          label="Password"
          autoComplete="current-password"
          autoFocus={initialEmail !== ''}
          {...form.getInputProps('password')}
        />
        <Button type="submit" fullWidth loading={signIn.isPending} mt="xs">
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
