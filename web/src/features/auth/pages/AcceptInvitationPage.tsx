import { ROLE_DESCRIPTIONS, ROLE_LABELS, TEAM_LABELS } from '@domain/roles';
import { Alert, Anchor, Button, Divider, List, Stack, Text } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '@/shared/api/apiError';
import { formatDateTime } from '@/shared/format/dates';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { MetaList } from '@/shared/ui/MetaList';
import { QueryError } from '@/shared/ui/QueryError';
import { RoleBadges } from '@/shared/ui/RoleBadges';
import { FALLBACK_MIN_PASSWORD_LENGTH, useInvitationPreview, usePasswordPolicy } from '../api/publicAuth';
import { AcceptInvitationForm } from '../components/AcceptInvitationForm';
import { AuthLayout } from '../components/AuthLayout';
import { tokenFromHash } from '../lib/invitationToken';
import type { SignInLocationState } from './SignInPage';

function UnusableLink({ message }: { message: string }) {
  return (
    <AuthLayout title="This invitation link can't be used">
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconLinkOff aria-hidden />} title="Invitation not available">
          {message}
        </Alert>
        <Text size="sm">
          Invitation links work once and expire after a while. Ask your Vouch program admin to send you a new one. If you
          have already set up your account, sign in instead.
        </Text>
        <Button component={Link} to="/sign-in" variant="default" fullWidth>
          Go to sign in
        </Button>
      </Stack>
    </AuthLayout>
  );
}

export function AcceptInvitationPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const token = tokenFromHash(location.hash);
  const preview = useInvitationPreview(token);
  const policy = usePasswordPolicy();
  const [goneMessage, setGoneMessage] = useState<string | null>(null);

  if (!token) {
    return (
      <UnusableLink message="The link is incomplete. Open it straight from your invitation e-mail, or copy the whole link, including everything after the # sign." />
    );
  }
  if (goneMessage) return <UnusableLink message={goneMessage} />;
  if (preview.isPending) return <CenteredLoader minHeight="100dvh" label="Checking your invitation" />;
  if (preview.isError) {
    const error = preview.error;
    if (error instanceof ApiError && [400, 404, 410].includes(error.status)) {
      return <UnusableLink message={error.userMessage} />;
    }
    return (
      <AuthLayout title="Join Vouch">
        <QueryError error={error} title="We couldn't check your invitation" onRetry={() => void preview.refetch()} />
      </AuthLayout>
    );
  }

  const invitation = preview.data;
  const minLength = policy.data?.minLength ?? FALLBACK_MIN_PASSWORD_LENGTH;

  return (
    <AuthLayout
      title={`Join ${invitation.organization.name} on Vouch`}
      description="Choose your password to finish setting up your account."
      width={520}
    >
      <Stack gap="lg">
        <MetaList
          items={[
            { label: 'Organisation', value: invitation.organization.name },
            { label: 'E-mail', value: invitation.email },
            { label: 'Roles', value: <RoleBadges roles={invitation.roles} /> },
            { label: 'Team', value: TEAM_LABELS[invitation.team] },
          ]}
        />
        {invitation.roles.length > 0 && (
          <List size="sm" spacing={4}>
            {invitation.roles.map((role) => (
              <List.Item key={role}>
                <Text span fw={600} size="sm">
                  {ROLE_LABELS[role]}:
                </Text>{' '}
                {ROLE_DESCRIPTIONS[role]}
              </List.Item>
            ))}
          </List>
        )}
        <Text size="xs" c="dimmed">
          This invitation expires {formatDateTime(invitation.expiresAt)}.
        </Text>
        {policy.isError && (
          <Text size="xs" c="dimmed">
            {errorMessage(policy.error)} Using a minimum of {minLength} characters.
          </Text>
        )}
        <Divider />
        <AcceptInvitationForm
          token={token}
          email={invitation.email}
          initialName={invitation.name}
          minLength={minLength}
          onLinkGone={setGoneMessage}
          onAccepted={(email) => {
            const state: SignInLocationState = { email, reason: 'invitation-accepted' };
            navigate('/sign-in', { replace: true, state });
          }}
        />
        <Text size="sm" ta="center">
          Already have an account?{' '}
          <Anchor component={Link} to="/sign-in" underline="always">
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </AuthLayout>
  );
}
