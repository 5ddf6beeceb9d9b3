import { Anchor, Box, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { NavLink as RouterNavLink } from 'react-router';
import { PageHeader } from '@/shared/ui/PageHeader';
import classes from './portal.module.css';
import { ColorSchemeToggle } from '@/shared/ui/ColorSchemeToggle';

interface PortalFrameProps {
  /** The page's one `<h1>` for the sign-in pages; signed-in pages render their own PageHeader. */
  title?: string;
  orgName?: string;
  /** The signed-in advocate's name and how to sign out; absent on the sign-in pages. */
  advocate?: { name: string; onSignOut: () => void; signingOut: boolean };
  children: ReactNode;
}

const LINKS = [
  { to: '/portal', label: 'My asks', end: true },
  { to: '/portal/impact', label: 'Your impact' },
  { to: '/portal/profile', label: 'Profile' },
  { to: '/portal/availability', label: 'Availability' },
  { to: '/portal/preferences', label: 'Preferences' },
  { to: '/portal/withdraw', label: 'Withdraw' },
];

/** The advocate portal's light shell: the organisation, the advocate, their few pages; no internal navigation. */
export function PortalFrame({ title, orgName, advocate, children }: PortalFrameProps) {
  return (
    <Box mih="100dvh" bg="var(--mantine-color-gray-light)" style={{ display: 'flex', flexDirection: 'column' }}>
      <a href="#main-content" className={classes.skipLink}>
        Skip to main content
      </a>
      <Box component="header" px="lg" py="md" bg="var(--mantine-color-body)" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Stack gap={0}>
            <Text fw={700}>{orgName ?? 'Vouch'}</Text>
            <Text size="xs" c="dimmed">
              Advocate portal
            </Text>
          </Stack>
          <Group gap="sm">
            {advocate && (
              <>
                <Text size="sm" data-testid="portal-advocate-name">
                  {advocate.name}
                </Text>
                <Button variant="default" size="xs" onClick={advocate.onSignOut} loading={advocate.signingOut}>
                  Sign out
                </Button>
              </>
            )}
            <ColorSchemeToggle />
          </Group>
        </Group>
        {advocate && (
          <Group component="nav" aria-label="Your pages" gap="md" mt="sm" wrap="wrap">
            {LINKS.map((link) => (
              <Anchor
                key={link.to}
                component={RouterNavLink}
                to={link.to}
                end={link.end}
                size="sm"
                style={({ isActive }: { isActive: boolean }) => ({ fontWeight: isActive ? 700 : 400, textDecoration: isActive ? 'underline' : undefined })}
              >
                {link.label}
              </Anchor>
            ))}
          </Group>
        )}
      </Box>
      <Box component="main" id="main-content" tabIndex={-1} px="md" py="lg" style={{ flex: 1 }}>
        <Stack maw={760} mx="auto" gap="lg">
          {title && <PageHeader title={title} />}
          <Box>{children}</Box>
        </Stack>
      </Box>
      <Text component="footer" size="xs" c="dimmed" ta="center" pb="md" px="md">
        Your page with {orgName ?? 'us'}: only you can sign in to it, with a link sent to your e-mail.
      </Text>
    </Box>
  );
}
