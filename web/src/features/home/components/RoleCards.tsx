import { ROLE_DESCRIPTIONS, TEAM_LABELS, type Role, type Team } from '@domain/roles';
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { RoleBadge } from '@/shared/ui/RoleBadges';

interface RoleCardsProps {
  roles: readonly Role[];
  team: Team;
}

/** The person's roles, in plain words, and their team. */
export function RoleCards({ roles, team }: RoleCardsProps) {
  return (
    <Stack gap="sm" component="section" aria-labelledby="roles-heading">
      <Title order={2} fz="h4" id="roles-heading">
        Your roles
      </Title>
      <Text size="sm" c="dimmed">
        You are in the {TEAM_LABELS[team]} team. Your roles decide what you can see and do in Vouch.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {roles.map((role) => (
          <Paper key={role} withBorder p="md">
            <Stack gap="xs">
              <div>
                <RoleBadge role={role} />
              </div>
              <Text size="sm">{ROLE_DESCRIPTIONS[role]}</Text>
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
