import { ROLE_LABELS, type Role } from '@domain/roles';
import { Badge, Group, Text } from '@mantine/core';

const roleColors: Record<Role, string> = {
  admin: 'indigo',
  sales: 'blue',
  owner: 'teal',
  marketing: 'grape',
  exec: 'orange',
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={roleColors[role]} variant="light" radius="sm">
      {ROLE_LABELS[role]}
    </Badge>
  );
}

export function RoleBadges({ roles }: { roles: readonly Role[] }) {
  if (roles.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No roles
      </Text>
    );
  return (
    <Group gap={4} wrap="wrap">
      {roles.map((role) => (
        <RoleBadge key={role} role={role} />
      ))}
    </Group>
  );
}
