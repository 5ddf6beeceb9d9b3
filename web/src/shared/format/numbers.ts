const integer = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const compactUsd = new Intl.NumberFormat(undefined, {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

export function formatCount(value: number | null | undefined, empty = '—'): string {
  return value === null || value === undefined ? empty : integer.format(value);
}

/** "$1.2B", "$350M". */
export function formatUsdCompact(value: number | null | undefined, empty = '—'): string {
  return value === null || value === undefined ? empty : compactUsd.format(value);
}

/** "1 advocate", "3 advocates". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
