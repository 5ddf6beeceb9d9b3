import type { AdvocateRow } from '../../db/schema/index.js';

/**
 * The parts of a profile an advocate may propose to change in the portal. Everything else
 * (name, account, status, consent, seniority…) stays the program team's to record.
 */
export const PROPOSABLE_FIELDS = [
  'title',
  'phone',
  'email',
  'country',
  'timeZone',
  'languageKeys',
  'topicKeys',
  'useCaseKeys',
  'productKeys',
  'storySituation',
  'storySolution',
  'storyOutcomes',
] as const;
export type ProposableField = (typeof PROPOSABLE_FIELDS)[number];

/** Protected values: shown to the advocate themselves, to reviewers through an audited reveal, never logged. */
export const PROTECTED_PROFILE_FIELDS: readonly ProposableField[] = ['email', 'phone'];

export const PROFILE_FIELD_LABELS: Record<ProposableField, string> = {
  title: 'Job title',
  phone: 'Phone',
  email: 'E-mail',
  country: 'Country',
  timeZone: 'Time zone',
  languageKeys: 'Languages',
  topicKeys: 'Topics',
  useCaseKeys: 'Use cases',
  productKeys: 'Products',
  storySituation: 'Story: the situation',
  storySolution: 'Story: the solution',
  storyOutcomes: 'Story: the outcomes',
};

export type ProfileValue = string | string[] | null;
export type ProfileValues = Record<ProposableField, ProfileValue>;

const LIST_FIELDS: ReadonlySet<ProposableField> = new Set(['languageKeys', 'topicKeys', 'useCaseKeys', 'productKeys']);

export function isProposableField(value: string): value is ProposableField {
  return (PROPOSABLE_FIELDS as readonly string[]).includes(value);
}

export function isListField(field: ProposableField): boolean {
  return LIST_FIELDS.has(field);
}

/** The proposable values of an advocate as they are now. */
export function profileValuesOf(row: AdvocateRow): ProfileValues {
  const values = {} as ProfileValues;
  for (const field of PROPOSABLE_FIELDS) values[field] = row[field];
  return values;
}

/** Empty text is no value; lists compare as sets (order carries no meaning), text by its trimmed value. */
export function normalizeProfileValue(field: ProposableField, value: unknown): ProfileValue {
  if (isListField(field)) return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : [];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return field === 'email' ? trimmed.toLowerCase() : trimmed;
}

export function sameProfileValue(field: ProposableField, a: unknown, b: unknown): boolean {
  const x = normalizeProfileValue(field, a);
  const y = normalizeProfileValue(field, b);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && [...x].sort().join('\u0000') === [...y].sort().join('\u0000');
  return x === y;
}

/** The proposed fields that differ from the current values, normalized. */
export function changedProfileFields(current: ProfileValues, proposed: Partial<Record<ProposableField, unknown>>): Partial<ProfileValues> {
  const changes: Partial<ProfileValues> = {};
  for (const field of PROPOSABLE_FIELDS) {
    if (!(field in proposed)) continue;
    if (!sameProfileValue(field, current[field], proposed[field])) changes[field] = normalizeProfileValue(field, proposed[field]);
  }
  return changes;
}

/** Only the proposable fields of a stored jsonb document (anything else is ignored). */
export function readProfileChanges(stored: Record<string, unknown>): Partial<ProfileValues> {
  const result: Partial<ProfileValues> = {};
  for (const [field, value] of Object.entries(stored)) {
    if (isProposableField(field)) result[field] = normalizeProfileValue(field, value);
  }
  return result;
}
