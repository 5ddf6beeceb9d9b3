import { Badge, Group, List, Text } from '@mantine/core';
import { formatDay, todayDay } from '@/shared/format/dates';
import { SectionCard } from '@/shared/ui/SectionCard';
import type { Advocate, Blackout } from '../../api/types';

function when(blackout: Blackout, today: string): 'now' | 'upcoming' | 'past' {
  if (blackout.endsOn < today) return 'past';
  return blackout.startsOn <= today ? 'now' : 'upcoming';
}

/** Blackout periods (holidays, busy seasons) and the personal usage cap. */
export function AvailabilitySection({ advocate }: { advocate: Advocate }) {
  const today = todayDay();
  const blackouts = [...advocate.blackouts].sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  const current = blackouts.filter((blackout) => when(blackout, today) !== 'past');
  const past = blackouts.length - current.length;

  return (
    <SectionCard title="Availability">
      <Text size="sm">
        {advocate.personalCap === null
          ? 'Personal cap: the program default.'
          : `Personal cap: ${advocate.personalCap} weighted ${advocate.personalCap === 1 ? 'use' : 'uses'} per window.`}
      </Text>
      {current.length === 0 ? (
        <Text size="sm" c="dimmed">
          No blackout periods ahead: available whenever asked.
        </Text>
      ) : (
        <List spacing={6} size="sm" aria-label="Blackout periods">
          {current.map((blackout) => (
            <List.Item key={blackout.id}>
              <Group gap={6} wrap="wrap">
                <Text span size="sm">
                  {formatDay(blackout.startsOn)} – {formatDay(blackout.endsOn)}
                </Text>
                {when(blackout, today) === 'now' && (
                  <Badge color="orange" size="sm" radius="sm">
                    Unavailable now
                  </Badge>
                )}
                {blackout.reason && (
                  <Text span size="sm" c="dimmed">
                    {blackout.reason}
                  </Text>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {past > 0 && (
        <Text size="xs" c="dimmed">
          {past === 1 ? '1 earlier period is over.' : `${past} earlier periods are over.`}
        </Text>
      )}
    </SectionCard>
  );
}
