import { Group, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { MatchFactor } from '../api/types';

/** How full the factor's bar is: its share of what it could add (or of a quarter of the score, when unknown). */
function share(factor: MatchFactor): number {
  const maximum = factor.maximum && factor.maximum > 0 ? factor.maximum : 25;
  return Math.max(0, Math.min(100, (factor.contribution / maximum) * 100));
}

/** Each factor's part of the score, largest first, with why. */
export function MatchFactors({ factors }: { factors: MatchFactor[] }) {
  const sorted = [...factors].sort((a, b) => b.contribution - a.contribution);
  if (sorted.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No explanation recorded.
      </Text>
    );
  }
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Why this rank">
      {sorted.map((factor) => (
        <Group key={factor.factor} component="li" gap="xs" wrap="nowrap" align="center">
          <Text size="xs" w={110} fw={500} style={{ flexShrink: 0 }}>
            {factor.label}
          </Text>
          <Progress
            value={share(factor)}
            w={60}
            size="sm"
            aria-hidden
            style={{ flexShrink: 0 }}
          />
          <Text size="xs" w={36} ta="right" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>
            +{Math.round(factor.contribution * 10) / 10}
            {factor.maximum ? <VisuallyHidden> of {Math.round(factor.maximum * 10) / 10}</VisuallyHidden> : null}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={2}>
            {factor.detail}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
