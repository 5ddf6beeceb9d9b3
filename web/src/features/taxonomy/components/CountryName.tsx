import { Text } from '@mantine/core';
import { useTaxonomyLabels } from '../api/taxonomyLabels';
import { flagEmoji } from '../lib/flags';

interface CountryNameProps {
  code: string | null | undefined;
  empty?: string;
  size?: string;
}

/** "🇫🇷 France": the flag is decoration, the name carries the meaning. */
export function CountryName({ code, empty = '—', size = 'sm' }: CountryNameProps) {
  const labels = useTaxonomyLabels('country');
  if (!code) {
    return (
      <Text span size={size} c="dimmed">
        {empty}
      </Text>
    );
  }
  const flag = flagEmoji(code);
  return (
    <Text span size={size}>
      {flag && <span aria-hidden>{flag} </span>}
      {labels.label(code)}
    </Text>
  );
}
