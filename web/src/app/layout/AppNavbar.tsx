import { hasAnyRole } from '@domain/roles';
import { AppShell, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { IconExternalLink, IconFileCode } from '@tabler/icons-react';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { useCurrentUser } from '@/features/auth/api/session';
import { API_DOCS_URL, isActivePath, NAV_ITEMS, type NavItem } from './navigation';

interface AppNavbarProps {
  onNavigate: () => void;
  /** On small screens the closed navbar is off-screen: keep it out of the tab order too. */
  hidden: boolean;
}

function NavItemLink({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const Icon = item.icon;
  return (
    <NavLink
      component={RouterNavLink}
      to={item.to}
      end={item.to === '/'}
      label={item.label}
      leftSection={<Icon size={18} stroke={1.75} aria-hidden />}
      active={isActivePath(pathname, item.to)}
      onClick={onNavigate}
      variant="light"
      fw={500}
    />
  );
}

export function AppNavbar({ onNavigate, hidden }: AppNavbarProps) {
  const user = useCurrentUser();
  const visible = NAV_ITEMS.filter((item) => !item.roles || hasAnyRole(user.roles, item.roles));
  const main = visible.filter((item) => item.section === 'main');
  const admin = visible.filter((item) => item.section === 'admin');

  return (
    <AppShell.Navbar p="sm" id="app-navbar" aria-label="Main navigation" inert={hidden}>
      <AppShell.Section grow component={ScrollArea}>
        <Stack gap={2}>
          {main.map((item) => (
            <NavItemLink key={item.to} item={item} onNavigate={onNavigate} />
          ))}
        </Stack>
        {admin.length > 0 && (
          <Stack gap={2} mt="lg">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} id="admin-nav-heading">
              Administration
            </Text>
            <Stack gap={2} role="group" aria-labelledby="admin-nav-heading">
              {admin.map((item) => (
                <NavItemLink key={item.to} item={item} onNavigate={onNavigate} />
              ))}
              <NavLink
                component="a"
                href={API_DOCS_URL}
                target="_blank"
                rel="noopener"
                label="API docs"
                description="Opens in a new tab"
                leftSection={<IconFileCode size={18} stroke={1.75} aria-hidden />}
                rightSection={<IconExternalLink size={14} aria-hidden />}
                fw={500}
              />
            </Stack>
          </Stack>
        )}
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
