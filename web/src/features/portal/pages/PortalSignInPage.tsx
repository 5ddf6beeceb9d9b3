import { Alert, Button, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { errorMessage } from '@/shared/api/apiError';
import { useRequestSignInLink } from '../api/portal';
import { PortalFrame } from '../components/PortalFrame';

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** `/portal/sign-in`: an advocate asks for a sign-in link; the answer is the same whatever the address. */
export function PortalSignInPage() {
  const request = useRequestSignInLink();
  const [email, setEmail] = useState('');
  const [tried, setTried] = useState(false);
  const invalid = !looksLikeEmail(email);

  if (request.isSuccess) {
    return (
      <PortalFrame title="Check your inbox">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md">
            <Alert color="green" variant="light" icon={<IconMailCheck aria-hidden />} title="A link is on its way" role="status">
              If {email.trim()} belongs to one of our advocates, we have sent a sign-in link to it. It works once, for 20 minutes.
            </Alert>
            <Text size="sm">Nothing after a few minutes? Check your spam folder, or ask again with the address we know you by.</Text>
            <Button variant="default" w="fit-content" onClick={() => request.reset()}>
              Ask again
            </Button>
          </Stack>
        </Paper>
      </PortalFrame>
    );
  }

  return (
    <PortalFrame title="Sign in to your advocate page">
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (!invalid) request.mutate(email.trim());
          }}
        >
          <Stack gap="md">
            <Text size="sm">See what you are asked to help with, your impact, and keep your details up to date. We e-mail you a link: no password needed.</Text>
            <TextInput
              label="Your e-mail address"
              type="email"
              autoComplete="email"
              withAsterisk
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={tried && invalid ? 'Enter the e-mail address we know you by' : undefined}
              autoFocus
            />
            {request.isError && (
              <Alert color="red" variant="light" role="alert" title="No link was sent">
                {errorMessage(request.error)}
              </Alert>
            )}
            <Button type="submit" w="fit-content" loading={request.isPending}>
              E-mail me a sign-in link
            </Button>
          </Stack>
        </form>
      </Paper>
    </PortalFrame>
  );
}
