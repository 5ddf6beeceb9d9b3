import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconMailCheck, IconMailOff } from '@tabler/icons-react';
import { formatDateTime } from '@/shared/format/dates';
import type { InvitationResult } from '../api/invitations';

interface InviteLinkPanelProps {
  result: InvitationResult;
  /** "created" for a new invitation, "resent" for a fresh link. */
  kind: 'created' | 'resent';
}

/** What happened to the invitation, and the link to pass on when e-mail isn't set up. */
export function InviteLinkPanel({ result, kind }: InviteLinkPanelProps) {
  const { invitation, inviteUrl } = result;
  const expires = formatDateTime(invitation.expiresAt);

  if (!inviteUrl) {
    return (
      <Alert color="teal" variant="light" icon={<IconMailCheck aria-hidden />} title="Invitation sent" role="status">
        We e-mailed {kind === 'resent' ? 'a new invitation link' : 'an invitation'} to <strong>{invitation.email}</strong>.
        The link works once and expires {expires}.
      </Alert>
    );
  }

  return (
    <Stack gap="sm">
      <Alert
        color="orange"
        variant="light"
        icon={<IconMailOff aria-hidden />}
        title={kind === 'resent' ? 'New link ready: pass it on yourself' : 'Invitation ready: pass the link on yourself'}
        role="status"
      >
        E-mail is not set up on this Vouch server, so nothing was sent. Copy the link below and give it to{' '}
        <strong>{invitation.name}</strong> ({invitation.email}) through a channel you trust. It works once and expires{' '}
        {expires}.
      </Alert>
      <Group gap="xs" wrap="nowrap" align="center">
        <Code
          block
          data-testid="invite-url"
          style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
        >
          {inviteUrl}
        </Code>
        <CopyButton value={inviteUrl} timeout={2500}>
          {({ copied, copy }) => (
            <Button
                onClick={copy}
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed" aria-live="polite">
        Anyone with this link can create the account, so share it only with {invitation.name}.
      </Text>
    </Stack>
  );
}
