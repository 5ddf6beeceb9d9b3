import type { PortalProfile, ProfileChanges, ProfileOption, ProfileValue, ProposableField } from '../api/types';

/** The edit form's values: text inputs hold '' for "none". */
export interface ProfileFormValues {
  title: string;
  email: string;
  phone: string;
  country: string;
  timeZone: string;
  languageKeys: string[];
  topicKeys: string[];
  useCaseKeys: string[];
  productKeys: string[];
  storySituation: string;
  storySolution: string;
  storyOutcomes: string;
}

const TEXT_FIELDS = ['title', 'email', 'phone', 'country', 'timeZone', 'storySituation', 'storySolution', 'storyOutcomes'] as const;
const LIST_FIELDS = ['languageKeys', 'topicKeys', 'useCaseKeys', 'productKeys'] as const;

/** The profile as it is, with the pending proposal's values over it (so editing again keeps them). */
export function initialFormValues(profile: PortalProfile): ProfileFormValues {
  const values: ProfileFormValues = {
    title: profile.title ?? '',
    email: profile.email ?? '',
    phone: profile.phone ?? '',
    country: profile.country ?? '',
    timeZone: profile.timeZone ?? '',
    languageKeys: profile.languageKeys,
    topicKeys: profile.topicKeys,
    useCaseKeys: profile.useCaseKeys,
    productKeys: profile.productKeys,
    storySituation: profile.storySituation ?? '',
    storySolution: profile.storySolution ?? '',
    storyOutcomes: profile.storyOutcomes ?? '',
  };
  for (const { field, proposed } of profile.pendingChange?.fields ?? []) {
    if ((LIST_FIELDS as readonly string[]).includes(field)) (values as unknown as Record<string, string[]>)[field] = Array.isArray(proposed) ? proposed : [];
    else (values as unknown as Record<string, string>)[field] = typeof proposed === 'string' ? proposed : '';
  }
  return values;
}

/** Every field as the API takes it (the server keeps only what differs from the profile). */
export function toProfileChanges(values: ProfileFormValues): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of TEXT_FIELDS) changes[field] = values[field].trim() === '' ? null : values[field].trim();
  for (const field of LIST_FIELDS) changes[field] = values[field];
  return changes;
}

/** A value as words: option labels for keys, "—" for nothing. */
export function describeValue(value: ProfileValue, options?: readonly ProfileOption[]): string {
  const label = (key: string) => options?.find((o) => o.key === key)?.label ?? key;
  if (value === null || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map(label).join(', ') : '—';
  return options ? label(value) : value;
}

/** Which option list labels a field's keys. */
export function optionsFor(field: ProposableField, options: { countries: ProfileOption[]; languages: ProfileOption[]; topics: ProfileOption[]; useCases: ProfileOption[]; products: ProfileOption[] } | undefined) {
  if (!options) return undefined;
  const byField: Partial<Record<ProposableField, ProfileOption[]>> = {
    country: options.countries,
    languageKeys: options.languages,
    topicKeys: options.topics,
    useCaseKeys: options.useCases,
    productKeys: options.products,
  };
  return byField[field];
}

export const FRESHNESS_WORDS: Record<PortalProfile['freshness'], string> = {
  fresh: 'Checked recently',
  due: 'Due for a check',
  stale: 'Not checked for a long time',
  never_verified: 'Never checked',
};
