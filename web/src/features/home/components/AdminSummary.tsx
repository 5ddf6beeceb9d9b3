import { Anchor, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconMailForward, IconMailPlus, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatCount, useActiveUsersCount, usePendingInvitationsCount, useWaitingOutboxCount } from '../api/adminSummary';

interface StatCardProps {
  label: string;
  query: UseQueryResult<number>;
  icon: ReactNode;
  to: string;
  linkText: string;
}

function StatCard({ label, query, icon, to, linkText }: StatCardProps) {
  return (
    <Paper withBorder p="md">
      <Stack gap={6}>
        <ThemeIcon variant="light" size="lg" radius="md" aria-hidden>
          {icon}
        </ThemeIcon>
        <Text fz={32} fw={700} lh={1.1} aria-live="polite">
          {query.isError ? '—' : formatCount(query.data)}
        </Text>
        <Text size="sm" c="dimmed">
          {label}
          {query.isError && ' (could not load)'}
        </Text>
        <Anchor component={Link} to={to} size="sm" fw={500}>
          {linkText}
        </Anchor>
      </Stack>
    </Paper>
  );
}

export function AdminSummary() {
  const users = useActiveUsersCount(true);
  const invitations = usePendingInvitationsCount(true);
  const outbox = useWaitingOutboxCount(true);
  return (
    <Stack gap="sm" component="section" aria-labelledby="program-heading">
      <Title order={2} fz="h4" id="program-heading">
        Your program at a glance
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
        <StatCard
          label="Active people"
          query={users}
          icon={<IconUsers size={20} />}
          to="/admin/users?status=active"
          linkText="Review people"
        />
        <StatCard
          label="Invitations waiting for an answer"
          query={invitations}
          icon={<IconMailPlus size={20} />}
          to="/admin/users?tab=invitations"
          linkText="Follow up on invitations"
        />
        <StatCard
          label="E-mails not delivered yet"
          query={outbox}
          icon={<IconMailForward size={20} />}
          to="/admin/outbox"
          linkText="Check e-mail delivery"
        />
      </SimpleGrid>
    </Stack>
  );
}
