import { Alert, Anchor, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ApiError } from '@/shared/api/apiError';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { QueryError } from '@/shared/ui/QueryError';

interface PortalLoadStateProps {
  label: string;
  isPending: boolean;
  error: unknown;
  onRetry: () => void;
}

/** Loading, a failed load, or an ended session (with the way back in) for a portal page. */
export function PortalLoadState({ label, isPending, error, onRetry }: PortalLoadStateProps) {
  if (error instanceof ApiError && error.status === 401) {
    return (
      <Alert role="alert" color="orange" variant="light" icon={<IconLock aria-hidden />} title="Please sign in again">
        <Text size="sm">
          Your session has ended. <Anchor component={Link} to="/portal/sign-in" underline="always">Ask for a new sign-in link</Anchor> and open it from your inbox.
        </Text>
      </Alert>
    );
  }
  if (error) return <QueryError error={error} onRetry={onRetry} />;
  if (isPending) return <CenteredLoader label={label} />;
  return null;
}
