import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconMessageCircleCheck } from '@tabler/icons-react';

/** The Vouch logo and name. Decorative icon; the text carries the name. */
export function BrandMark({ size = 'lg' }: { size?: 'md' | 'lg' }) {
  return (
    <Group gap={8} wrap="nowrap">
      <ThemeIcon size={size === 'lg' ? 32 : 28} radius="md" variant="filled" aria-hidden>
        <IconMessageCircleCheck size={size === 'lg' ? 20 : 18} stroke={2} />
      </ThemeIcon>
      <Text fw={800} fz={size === 'lg' ? 'xl' : 'lg'} lh={1} style={{ letterSpacing: '-0.01em' }}>
        Vouch
      </Text>
    </Group>
  );
}
