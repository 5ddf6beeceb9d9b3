import { Group, Text, type ComboboxItem, type ComboboxLikeRenderOptionInput } from '@mantine/core';
import { flagEmoji } from '../lib/flags';

/** A country in a picker's list: the flag as decoration before the name. */
export function renderCountryOption({ option }: ComboboxLikeRenderOptionInput<ComboboxItem>) {
  const flag = flagEmoji(option.value);
  return (
    <Group gap={8} wrap="nowrap">
      {flag && <span aria-hidden>{flag}</span>}
      <Text span size="sm">
        {option.label}
      </Text>
    </Group>
  );
}
