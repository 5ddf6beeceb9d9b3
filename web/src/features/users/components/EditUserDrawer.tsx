import { Divider, Drawer, Group, Stack, Text } from '@mantine/core';
import { useCurrentUser } from '@/features/auth/api/session';
import { formatDateTime } from '@/shared/format/dates';
import { CenteredLoader } from '@/shared/ui/CenteredLoader';
import { MetaList } from '@/shared/ui/MetaList';
import { QueryError } from '@/shared/ui/QueryError';
import { useUser } from '../api/users';
import { EditUserForm } from './EditUserForm';
import { UserAccessSection } from './UserAccessSection';
import { UserStatusBadge } from './UserStatusBadge';

interface EditUserDrawerProps {
  userId: string | null;
  onClose: () => void;
}

/** A person's profile, roles and access; opened from the people list (and deep-linkable via ?user=). */
export function EditUserDrawer({ userId, onClose }: EditUserDrawerProps) {
  const me = useCurrentUser();
  const query = useUser(userId);
  const user = query.data;
  const isSelf = user?.id === me.id;

  return (
    <Drawer
      opened={userId !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={user ? user.name : 'Person'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {query.isPending && <CenteredLoader label="Loading person" />}
      {query.isError && <QueryError error={query.error} title="Couldn't load this person" onRetry={() => void query.refetch()} />}
      {user && (
        <Stack gap="lg">
          <Group gap="xs">
            <UserStatusBadge status={user.status} />
            {isSelf && (
              <Text size="sm" c="dimmed">
                This is you.
              </Text>
            )}
          </Group>
          <MetaList
            items={[
              { label: 'E-mail', value: user.email },
              { label: 'Member since', value: formatDateTime(user.createdAt) },
              { label: 'Last sign-in', value: formatDateTime(user.lastSignInAt, 'Never') },
            ]}
          />
          <Divider />
          {/* Re-mount the form when the stored version changes, so it starts from saved values. */}
          <EditUserForm key={`${user.id}:${user.name}:${user.roles.join(',')}:${user.team}`} user={user} isSelf={isSelf} />
          <Divider />
          <UserAccessSection user={user} isSelf={isSelf} />
        </Stack>
      )}
    </Drawer>
  );
}
