import { Button, Center, Stack } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useSession, wasSessionEnded } from '@/features/auth/api/session';
import type { SignInLocationState } from '@/features/auth/pages/SignInPage';
import { signInPathFor } from '@/features/auth/lib/returnPath';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { QueryError } from '@/shared/ui/QueryError';
import { AppFrame } from './AppFrame';

/** Everything behind sign-in: sends visitors without a session to /sign-in, remembering where they were going. */
export function SignedInLayout() {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <CenteredLoader minHeight="100dvh" label="Loading Vouch" />;
  if (session.isError && !session.data) {
    return (
      <Center mih="100dvh" p="md" component="main">
        <Stack maw={480} w="100%">
          <QueryError error={session.error} title="Vouch is not answering" onRetry={() => void session.refetch()} />
          <Button variant="subtle" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </Stack>
      </Center>
    );
  }
  if (!session.data) {
    const state: SignInLocationState | undefined = wasSessionEnded() ? { reason: 'session-ended' } : undefined;
    return <Navigate to={signInPathFor(`${location.pathname}${location.search}`)} replace state={state} />;
  }
  return <AppFrame />;
}
