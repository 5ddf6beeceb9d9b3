import type { Facet } from '@domain/taxonomy/types';
import type { TaxonomyValue } from '../api/types';

export interface ValueRow {
  value: TaxonomyValue;
  /** 1 for an industry under its sector. */
  depth: 0 | 1;
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The rows of the admin table: values matching the search, live ones only unless asked, and for
 * two-level facets each parent followed by its children (a parent stays when a child matches).
 */
export function valueRows(values: readonly TaxonomyValue[], options: { search: string; includeRetired: boolean }): ValueRow[] {
  const wanted = fold(options.search.trim());
  const visible = values.filter((value) => options.includeRetired || value.status === 'live');
  const matches = (value: TaxonomyValue) =>
    wanted === '' || fold(value.label).includes(wanted) || fold(value.key).includes(wanted);
  const hasChildren = visible.some((value) => value.parentKey);
  if (!hasChildren) return visible.filter(matches).map((value) => ({ value, depth: 0 }));

  const children = new Map<string, TaxonomyValue[]>();
  for (const value of visible) {
    if (!value.parentKey) continue;
    children.set(value.parentKey, [...(children.get(value.parentKey) ?? []), value]);
  }
  const rows: ValueRow[] = [];
  const placed = new Set<string>();
  for (const parent of visible.filter((value) => !value.parentKey)) {
    const kids = (children.get(parent.key) ?? []).filter(matches);
    if (!matches(parent) && kids.length === 0) continue;
    rows.push({ value: parent, depth: 0 });
    placed.add(parent.key);
    for (const kid of matches(parent) && wanted !== '' ? (children.get(parent.key) ?? []) : kids) {
      rows.push({ value: kid, depth: 1 });
      placed.add(kid.key);
    }
  }
  // Children whose parent is hidden (retired) or missing still get a row.
  for (const value of visible) {
    if (!placed.has(value.key) && value.parentKey && matches(value)) rows.push({ value, depth: 0 });
  }
  return rows;
}

/** Facets whose values nest under a parent (sector → industry). */
export function isTwoLevel(facet: Facet): boolean {
  return facet === 'industry';
}

export function weightOf(value: TaxonomyValue): number | null {
  const weight = value.attributes['weight'];
  return typeof weight === 'number' ? weight : null;
}

export function teamsOf(value: TaxonomyValue): string[] {
  const teams = value.attributes['teams'];
  return Array.isArray(teams) ? teams.filter((team): team is string => typeof team === 'string') : [];
}

/** For parents: how many records hold one of the values under them. */
export function usageUnder(values: readonly TaxonomyValue[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const value of values) {
    if (value.parentKey && value.usage) totals.set(value.parentKey, (totals.get(value.parentKey) ?? 0) + value.usage);
  }
  return totals;
}
