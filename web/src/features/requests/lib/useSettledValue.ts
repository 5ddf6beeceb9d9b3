import { useDebouncedValue } from '@mantine/hooks';
import { useMemo } from 'react';

/**
 * The value once it has stopped changing for `delay` ms, compared by content (a form builds a
 * new object on every render), so a live check runs once per pause in typing.
 */
export function useSettledValue<T>(value: T, delay = 400): T {
  const serialized = JSON.stringify(value) ?? 'null';
  const [settled] = useDebouncedValue(serialized, delay);
  return useMemo(() => JSON.parse(settled) as T, [settled]);
}
