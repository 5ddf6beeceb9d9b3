import { TEAM_LABELS } from '@domain/roles';
import { Anchor, Table, Text } from '@mantine/core';
import { formatDateTime, formatRelative } from '@/shared/format/dates';
import type { User } from '@/shared/api/types';
import { RoleBadges } from '@/shared/ui/RoleBadges';
import { UserStatusBadge } from './UserStatusBadge';

interface UsersTableProps {
  users: User[];
  currentUserId: string;
  onOpen: (user: User) => void;
}

export function UsersTable({ users, currentUserId, onOpen }: UsersTableProps) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="People">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Roles</Table.Th>
            <Table.Th scope="col">Team</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Last sign-in</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Td>
                <Anchor component="button" type="button" fw={600} size="sm" onClick={() => onOpen(user)} ta="left">
                  {user.name}
                  {user.id === currentUserId && (
                    <Text span size="xs" c="dimmed" fw={400}>
                      {' '}
                      (you)
                    </Text>
                  )}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={user.roles} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{TEAM_LABELS[user.team] ?? user.team}</Text>
              </Table.Td>
              <Table.Td>
                <UserStatusBadge status={user.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" title={formatDateTime(user.lastSignInAt, 'Never')}>
                  {formatRelative(user.lastSignInAt, Date.now(), 'Never')}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
