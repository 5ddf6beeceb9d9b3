import { Group, Progress, Text } from '@mantine/core';
import { estimatePasswordStrength } from '../lib/passwordStrength';

interface PasswordStrengthMeterProps {
  password: string;
  minLength: number;
  /** Name and e-mail, which make a password easy to guess. */
  personal?: readonly string[];
}

/** A bar and a sentence under a new-password field, read out politely as it changes. */
export function PasswordStrengthMeter({ password, minLength, personal = [] }: PasswordStrengthMeterProps) {
  const strength = estimatePasswordStrength(password, minLength, personal);
  return (
    <div>
      <Progress
        value={(strength.score / 4) * 100}
        color={strength.color}
        size="sm"
        mt={6}
        aria-hidden
        transitionDuration={150}
      />
      <Group gap={6} mt={4} aria-live="polite">
        {strength.label && (
          <Text size="xs" fw={600}>
            {strength.label}.
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {strength.hint}
        </Text>
      </Group>
    </div>
  );
}
