import { Alert, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { useSession } from '../api/session';
import { AuthLayout } from '../components/AuthLayout';
import { SignInForm } from '../components/SignInForm';
import { safeReturnPath } from '../lib/returnPath';

/** What other pages may hand to the sign-in page through router state. */
export interface SignInLocationState {
  email?: string;
  reason?: 'invitation-accepted' | 'session-ended';
}

function readState(state: unknown): SignInLocationState {
  if (typeof state !== 'object' || state === null) return {};
  const { email, reason } = state as Record<string, unknown>;
  return {
    email: typeof email === 'string' ? email : undefined,
    reason: reason === 'invitation-accepted' || reason === 'session-ended' ? reason : undefined,
  };
}

export function SignInPage() {
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const next = safeReturnPath(searchParams.get('next'));
  const state = readState(location.state);

  if (session.isPending) return <CenteredLoader minHeight="100dvh" />;
  if (session.data) return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title="Sign in to Vouch"
      description="The right customer voice for every deal, without wearing out the customers who speak for you."
    >
      <Stack gap="md">
        {state.reason === 'invitation-accepted' && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Your account is ready">
            Sign in with your new password to get started.
          </Alert>
        )}
        {state.reason === 'session-ended' && (
          <Alert color="indigo" variant="light" icon={<IconClockHour4 aria-hidden />} title="Your session has ended">
            Sign in again to pick up where you left off.
          </Alert>
        )}
        <SignInForm initialEmail={state.email} onSignedIn={() => navigate(next, { replace: true })} />
        <Text size="xs" c="dimmed" ta="center">
          New to Vouch? Ask your program admin for an invitation.
        </Text>
      </Stack>
    </AuthLayout>
  );
}
