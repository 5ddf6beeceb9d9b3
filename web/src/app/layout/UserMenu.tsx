import { hasRole, ROLE_LABELS } from '@domain/roles';
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconBellCog, IconChevronDown, IconFileCode, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useCurrentUser, useSignOut } from '@/features/auth/api/session';
import { notifyError } from '@/shared/ui/notify';
import classes from './layout.module.css';
import { API_DOCS_URL } from './navigation';

export function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

export function UserMenu() {
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();

  const handleSignOut = () => {
    signOut.mutate(undefined, {
      onSuccess: () => navigate('/sign-in', { replace: true }),
      onError: (error) => notifyError(error, "Couldn't sign out"),
    });
  };

  return (
    <Menu position="bottom-end" width={280} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <UnstyledButton aria-label="User menu" className={classes.userButton}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={32} aria-hidden>
              {initialsOf(user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
              {user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        {/* Plain (generic) elements only: a menu may contain nothing but items, groups and separators. */}
        <div className={classes.menuIdentity}>
          <Text component="div" size="sm" fw={600} truncate>
            {user.name}
          </Text>
          <Text component="div" size="xs" c="dimmed" truncate>
            {user.email}
          </Text>
          <Text component="div" size="xs" c="dimmed" mt={4}>
            {user.roles.map((role) => ROLE_LABELS[role]).join(' · ')}
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconUserCircle size={16} aria-hidden />}>
          Account
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/notifications" leftSection={<IconBellCog size={16} aria-hidden />}>
          Notification settings
        </Menu.Item>
        {hasRole(user.roles, 'admin') && (
          <Menu.Item
            component="a"
            href={API_DOCS_URL}
            target="_blank"
            rel="noopener"
            leftSection={<IconFileCode size={16} aria-hidden />}
          >
            API docs
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={handleSignOut} disabled={signOut.isPending}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
