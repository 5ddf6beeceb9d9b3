import { ROLE_DESCRIPTIONS, ROLE_LABELS, TEAM_LABELS } from '@domain/roles';
import { Paper, Stack, Text, Title } from '@mantine/core';
import { formatDateTime } from '@/shared/format/dates';
import { MetaList } from '@/shared/ui/MetaList';
import { PageHeader } from '@/shared/ui/PageHeader';
import { RoleBadges } from '@/shared/ui/RoleBadges';
import { useCurrentSession } from '../api/session';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

export function AccountPage() {
  const { user, organization } = useCurrentSession();
  return (
    <>
      <PageHeader title="Account" description="Your profile in Vouch and your password." />
      <Stack gap="lg" maw={880}>
        <Paper withBorder p="lg" component="section" aria-labelledby="profile-heading">
          <Title order={2} fz="h4" id="profile-heading" mb="md">
            Profile
          </Title>
          <MetaList
            items={[
              { label: 'Name', value: user.name },
              { label: 'E-mail', value: user.email },
              { label: 'Organisation', value: organization.name },
              { label: 'Team', value: TEAM_LABELS[user.team] },
              { label: 'Roles', value: <RoleBadges roles={user.roles} /> },
              { label: 'Member since', value: formatDateTime(user.createdAt) },
            ]}
          />
          <Stack gap={4} mt="md">
            {user.roles.map((role) => (
              <Text key={role} size="sm">
                <Text span fw={600} size="sm">
                  {ROLE_LABELS[role]}:
                </Text>{' '}
                {ROLE_DESCRIPTIONS[role]}
              </Text>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt="md">
            Your name, roles and team are managed by your program admin.
          </Text>
        </Paper>
        <Paper withBorder p="lg" component="section" aria-labelledby="password-heading">
          <Title order={2} fz="h4" id="password-heading" mb={4}>
            Change password
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Changing your password signs you out everywhere else.
          </Text>
          <ChangePasswordForm email={user.email} name={user.name} />
        </Paper>
      </Stack>
    </>
  );
}
