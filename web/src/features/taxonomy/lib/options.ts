import type { ComboboxData, ComboboxItem } from '@mantine/core';
import type { TaxonomyValue } from '../api/types';
import type { TaxonomyLabeler } from './labeler';

/**
 * Picker options: the facet's current values, plus any `keep` keys a record already holds even if
 * they were retired since (so the picker can still show them, marked).
 */
export function taxonomyOptions(labeler: TaxonomyLabeler, keep: readonly string[] = []): ComboboxItem[] {
  const options: ComboboxItem[] = labeler.live.map((value) => ({ value: value.key, label: value.label }));
  const known = new Set(options.map((option) => option.value));
  for (const key of keep) {
    if (key && !known.has(key)) {
      options.push({ value: key, label: labeler.label(key) });
      known.add(key);
    }
  }
  return options;
}

/** Countries by name (`renderCountryOption` adds the flag in the list). */
export function countryOptions(labeler: TaxonomyLabeler, keep: readonly string[] = []): ComboboxItem[] {
  return taxonomyOptions(labeler, keep);
}

/** Industries grouped under their sector; a sector itself comes first in its group ("whole sector"). */
export function industryOptions(labeler: TaxonomyLabeler, keep: readonly string[] = []): ComboboxData {
  const sectors = labeler.live.filter((value) => !value.parentKey);
  const children = new Map<string, TaxonomyValue[]>();
  for (const value of labeler.live) {
    if (!value.parentKey) continue;
    const list = children.get(value.parentKey) ?? [];
    list.push(value);
    children.set(value.parentKey, list);
  }
  const groups = sectors.map((sector) => ({
    group: sector.label,
    items: [
      { value: sector.key, label: `${sector.label} (whole sector)` },
      ...(children.get(sector.key) ?? []).map((value) => ({ value: value.key, label: value.label })),
    ],
  }));
  const listed = new Set(groups.flatMap((group) => group.items.map((item) => item.value)));
  const orphans = labeler.live.filter((value) => value.parentKey && !listed.has(value.key));
  const extra = keep.filter((key) => key && !listed.has(key));
  if (orphans.length > 0 || extra.length > 0) {
    groups.push({
      group: 'Other',
      items: [
        ...orphans.map((value) => ({ value: value.key, label: value.label })),
        ...extra.map((key) => ({ value: key, label: labeler.label(key) })),
      ],
    });
  }
  return groups;
}
