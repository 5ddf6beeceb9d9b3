import type { FacetCount } from '../api/types';
import type { FilterDefinition } from './searchFilters';

export interface FilterChoice {
  value: string;
  label: string;
  /** Advocates the choice would match; absent when the server sent no counts. */
  count?: number;
}

/** How many choices a group shows before "Show all". */
export const TOP_CHOICES = 8;

/**
 * A filter group's choices: the server's facet counts when it sent them (in its order), else the
 * fixed options or the facet's current values. Selected values always stay listed.
 */
export function filterChoices(
  definition: FilterDefinition,
  counts: readonly FacetCount[] | undefined,
  labelOf: (key: string) => string,
  facetKeys: readonly string[],
  selected: readonly string[],
): FilterChoice[] {
  const fromCount = (entry: FacetCount): FilterChoice => ({ value: entry.key, label: labelOf(entry.key), count: entry.count });
  let choices: FilterChoice[];
  if (counts && definition.options) {
    const byKey = new Map(counts.map((entry) => [entry.key, entry.count]));
    const known = new Set(definition.options.map((option) => option.value));
    choices = [
      ...definition.options.map((option) => ({ ...option, count: byKey.get(option.value) ?? 0 })),
      ...counts.filter((entry) => !known.has(entry.key)).map(fromCount),
    ];
  } else if (counts) {
    choices = counts.map(fromCount);
  } else if (definition.options) {
    choices = definition.options.map((option) => ({ ...option }));
  } else {
    choices = facetKeys.map((key) => ({ value: key, label: labelOf(key) }));
  }
  const listed = new Set(choices.map((choice) => choice.value));
  const missing = selected.filter((value) => !listed.has(value));
  const zero = counts ? 0 : undefined;
  return [...missing.map((value) => ({ value, label: labelOf(value), count: zero })), ...choices];
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Choices whose label contains the typed text, ignoring case and accents. */
export function matchChoices(choices: readonly FilterChoice[], text: string): FilterChoice[] {
  const wanted = fold(text.trim());
  if (wanted === '') return [...choices];
  return choices.filter((choice) => fold(choice.label).includes(wanted) || fold(choice.value) === wanted);
}

/** The first few choices, plus any selected ones further down. */
export function topChoices(choices: readonly FilterChoice[], selected: readonly string[]): FilterChoice[] {
  return choices.filter((choice, index) => index < TOP_CHOICES || selected.includes(choice.value));
}
