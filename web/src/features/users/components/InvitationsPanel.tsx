import { TEAM_LABELS } from '@domain/roles';
import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Invitation, InvitationStatus } from '@/shared/api/types';
import { flattenPages } from '@/shared/api/pagination';
import { formatDateTime, formatRelative } from '@/shared/format/dates';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { EmptyHint } from '@/shared/ui/EmptyHint';
import { LoadMore } from '@/shared/ui/LoadMore';
import { notifyError, notifySuccess } from '@/shared/ui/notify';
import { QueryError } from '@/shared/ui/QueryError';
import { RoleBadges } from '@/shared/ui/RoleBadges';
import { useInvitationsList, useResendInvitation, useRevokeInvitation, type InvitationResult } from '../api/invitations';
import { InviteLinkPanel } from './InviteLinkPanel';
import { InvitationStatusBadge } from './UserStatusBadge';

const STATUS_FILTERS: Array<{ value: InvitationStatus | 'all'; label: string }> = [
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
  { value: 'all', label: 'All' },
];

interface InvitationsPanelProps {
  status: InvitationStatus | '';
  onStatusChange: (status: InvitationStatus | '') => void;
  onInvite: () => void;
}

function InvitationActions({ invitation, onResent }: { invitation: Invitation; onResent: (result: InvitationResult) => void }) {
  const revoke = useRevokeInvitation();
  const resend = useResendInvitation();
  if (invitation.status === 'accepted') return null;
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      <Button
        size="xs"
        variant="default"
        loading={resend.isPending}
        aria-label={`Resend to ${invitation.email}`}
        onClick={() =>
          resend.mutate(invitation.id, { onSuccess: onResent, onError: (error) => notifyError(error, "Couldn't resend") })
        }
      >
        Resend
      </Button>
      {invitation.status === 'pending' && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          loading={revoke.isPending}
          aria-label={`Revoke for ${invitation.email}`}
          onClick={() =>
            revoke.mutate(invitation.id, {
              onSuccess: () => notifySuccess(`The link sent to ${invitation.email} no longer works.`, 'Invitation revoked'),
              onError: (error) => notifyError(error, "Couldn't revoke"),
            })
          }
        >
          Revoke
        </Button>
      )}
    </Group>
  );
}

export function InvitationsPanel({ status, onStatusChange, onInvite }: InvitationsPanelProps) {
  const query = useInvitationsList(status);
  const [resent, setResent] = useState<InvitationResult | null>(null);
  const invitations = flattenPages(query.data);

  return (
    <Stack gap="md">
      <SegmentedControl
        aria-label="Show invitations"
        value={status === '' ? 'all' : status}
        onChange={(value) => onStatusChange(value === 'all' ? '' : (value as InvitationStatus))}
        data={STATUS_FILTERS}
        w="fit-content"
        style={{ maxWidth: '100%' }}
      />
      {query.isPending && <CenteredLoader label="Loading invitations" />}
      {query.isError && <QueryError error={query.error} onRetry={() => void query.refetch()} />}
      {query.isSuccess && invitations.length === 0 && (
        <EmptyHint
          icon={<IconMailPlus aria-hidden />}
          title={status === 'pending' ? 'No invitations waiting' : 'No invitations here'}
          description="Invite the people who will use Vouch: they get a link to choose a password and join."
          action={<Button onClick={onInvite}>Invite someone</Button>}
        />
      )}
      {invitations.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label="Invitations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Invitee</Table.Th>
                <Table.Th scope="col">Roles and team</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Invited</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {invitation.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {invitation.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadges roles={invitation.roles} />
                    <Text size="xs" c="dimmed" mt={4}>
                      {TEAM_LABELS[invitation.team] ?? invitation.team}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <InvitationStatusBadge status={invitation.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" title={formatDateTime(invitation.createdAt)}>
                      {formatRelative(invitation.createdAt)}
                    </Text>
                    {invitation.invitedBy && (
                      <Text size="xs" c="dimmed">
                        by {invitation.invitedBy.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {invitation.status === 'accepted'
                        ? `Accepted ${formatRelative(invitation.acceptedAt)}`
                        : formatDateTime(invitation.expiresAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <InvitationActions invitation={invitation} onResent={setResent} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {invitations.length > 0 && (
        <LoadMore
          hasMore={query.hasNextPage}
          loading={query.isFetchingNextPage}
          onLoadMore={() => void query.fetchNextPage()}
          shown={invitations.length}
          noun={invitations.length === 1 ? 'invitation' : 'invitations'}
        />
      )}
      <Modal opened={resent !== null} onClose={() => setResent(null)} title="New invitation link" size="lg">
        {resent && (
          <Stack gap="md">
            <InviteLinkPanel result={resent} kind="resent" />
            <Group justify="flex-end">
              <Button onClick={() => setResent(null)}>Done</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
