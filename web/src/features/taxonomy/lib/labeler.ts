import type { TaxonomyValue } from '../api/types';

/** Turns stored keys into what people read. */
export interface TaxonomyLabeler {
  /** The value's label, "(retired)" added when it is no longer current; the key itself when unknown. */
  label: (key: string | null | undefined, empty?: string) => string;
  /** The value, when the key is known. */
  get: (key: string | null | undefined) => TaxonomyValue | undefined;
  /** Retired or merged away. */
  isRetired: (key: string | null | undefined) => boolean;
  /** Current values in display order, for pickers. */
  live: TaxonomyValue[];
}

export function createLabeler(values: readonly TaxonomyValue[] | undefined): TaxonomyLabeler {
  const byKey = new Map((values ?? []).map((value) => [value.key, value]));
  const get = (key: string | null | undefined) => (key ? byKey.get(key) : undefined);
  const isRetired = (key: string | null | undefined) => {
    const value = get(key);
    return value !== undefined && value.status !== 'live';
  };
  return {
    get,
    isRetired,
    label: (key, empty = '—') => {
      if (!key) return empty;
      const value = byKey.get(key);
      if (!value) return key;
      return value.status === 'live' ? value.label : `${value.label} (retired)`;
    },
    live: (values ?? []).filter((value) => value.status === 'live'),
  };
}
