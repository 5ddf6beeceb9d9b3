import { Group, Progress, Stack, Text } from '@mantine/core';
import type { Load } from '../api/types';

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "4 of 15 units in 365 days": how loaded the account (or advocate) already is. */
export function LoadMeter({ label, load }: { label: string; load: Load }) {
  const share = load.cap > 0 ? Math.min(100, (load.used / load.cap) * 100) : 100;
  const color = share >= 90 ? 'red' : share >= 60 ? 'yellow' : 'teal';
  const text = `${round(load.used)} of ${round(load.cap)} uses in ${load.windowDays} days`;
  return (
    <Stack gap={2} miw={180}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" fw={600}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {text}
        </Text>
      </Group>
      <Progress value={share} color={color} size="sm" aria-label={`${label}: ${text}`} />
    </Stack>
  );
}
