import { Alert, Button, Paper, Stack, Text } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '@/shared/api/apiError';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { useOpenPortalSession } from '../api/portal';
import { PortalFrame } from '../components/PortalFrame';

/**
 * `/portal/auth?token=…`: the e-mailed link lands here and is exchanged once for a session; the
 * token is dropped from the address bar at once. An expired or used link gets a way to a new one.
 */
export function PortalAuthPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const open = useOpenPortalSession();
  const started = useRef(false);
  const token = params.get('token');
  const next = params.get('next') === 'profile' ? '/portal/profile' : '/portal';

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    window.history.replaceState(null, '', '/portal/auth');
    if (!token) return;
    open.mutate(token, { onSuccess: () => void navigate(next, { replace: true }) });
  }, [open, token, next, navigate]);

  if (!token || open.isError) {
    const invalidLink = !token || (open.error instanceof ApiError && open.error.status < 500);
    return (
      <PortalFrame title="This link can’t be used">
        <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md">
            <Alert color="orange" variant="light" icon={<IconLinkOff aria-hidden />} title="Sign-in link not valid" role="alert">
              {invalidLink
                ? 'This sign-in link has expired, has already been used or is incomplete. Links work once, for a short time.'
                : errorMessage(open.error)}
            </Alert>
            <Button component={Link} to="/portal/sign-in" w="fit-content">
              Get a new sign-in link
            </Button>
          </Stack>
        </Paper>
      </PortalFrame>
    );
  }
  return (
    <PortalFrame title="Signing you in">
      <CenteredLoader label="Signing you in" />
      <Text size="sm" c="dimmed" ta="center">
        One moment…
      </Text>
    </PortalFrame>
  );
}
