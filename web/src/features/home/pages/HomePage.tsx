import { hasRole } from '@domain/roles';
import { Anchor, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileCode, IconKey } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentSession } from '@/features/auth/api/session';
import { PageHeader } from '@/shared/ui/PageHeader';
import { AdminSummary } from '../components/AdminSummary';
import { RoleCards } from '../components/RoleCards';

function greeting(date: Date = new Date()): string {
  const hour = date.getHours();
  if (hour < 5) return 'Good evening';
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

export function HomePage() {
  const { user, organization } = useCurrentSession();
  const isAdmin = hasRole(user.roles, 'admin');

  return (
    <>
      <PageHeader
        title={`${greeting()}, ${firstName(user.name)}`}
        documentTitle="Home"
        description={`Welcome to Vouch for ${organization.name}: where your customer advocates are found, protected from overuse and thanked.`}
      />
      <Stack gap="xl" maw={1100}>
        {isAdmin && <AdminSummary />}
        <RoleCards roles={user.roles} team={user.team} />
        <Stack gap="sm" component="section" aria-labelledby="shortcuts-heading">
          <Title order={2} fz="h4" id="shortcuts-heading">
            Shortcuts
          </Title>
          <Paper withBorder p="md">
            <List spacing="sm" center>
              <List.Item
                icon={
                  <ThemeIcon variant="light" size="md" radius="md" aria-hidden>
                    <IconKey size={16} />
                  </ThemeIcon>
                }
              >
                <Anchor component={Link} to="/account" underline="always">
                  Change your password
                </Anchor>
                <Text span size="sm" c="dimmed">
                  {' '}
                  and check your profile details.
                </Text>
              </List.Item>
              {isAdmin && (
                <List.Item
                  icon={
                    <ThemeIcon variant="light" size="md" radius="md" aria-hidden>
                      <IconFileCode size={16} />
                    </ThemeIcon>
                  }
                >
                  <Anchor href="/api/docs" target="_blank" rel="noopener" underline="always">
                    Read the REST API reference
                  </Anchor>
                  <Text span size="sm" c="dimmed">
                    {' '}
                    to connect your CRM or scripts (opens in a new tab).
                  </Text>
                </List.Item>
              )}
            </List>
          </Paper>
        </Stack>
      </Stack>
    </>
  );
}
