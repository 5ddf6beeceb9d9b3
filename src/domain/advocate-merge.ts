import type { AdvocateStatus } from './advocate-lifecycle.js';

/**
 * Rules for merging a duplicate advocate into the one that survives: which value each field
 * keeps. Pure: the service reads both records, asks these rules, and writes the result.
 */

export type MergeWillingness = 'yes' | 'ask_first' | 'no';

/** The parts of an advocate a merge decides about. */
export interface MergeableAdvocate {
  accountId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  seniorityKey: string | null;
  functionKey: string | null;
  orientation: 'technical' | 'business' | null;
  country: string | null;
  timeZone: string | null;
  languageKeys: string[];
  topicKeys: string[];
  useCaseKeys: string[];
  productKeys: string[];
  storySituation: string | null;
  storySolution: string | null;
  storyOutcomes: string | null;
  personalityNotes: string | null;
  willingness: Record<string, MergeWillingness>;
  personalCap: number | null;
  status: AdvocateStatus;
  consent: unknown;
  lastVerifiedAt: Date | null;
  points: number;
  crmId: string | null;
}

/**
 * Fields where the admin may pick which record's value to keep. By default the survivor's
 * value stays, unless it is empty and the duplicate has one.
 */
export const MERGE_CHOICE_FIELDS = [
  'accountId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'seniorityKey',
  'functionKey',
  'orientation',
  'country',
  'timeZone',
  'storySituation',
  'storySolution',
  'storyOutcomes',
  'personalityNotes',
  'personalCap',
  'status',
  'consent',
  'crmId',
] as const;
export type MergeChoiceField = (typeof MERGE_CHOICE_FIELDS)[number];
export type MergeSide = 'survivor' | 'duplicate';
export type MergeChoices = Partial<Record<MergeChoiceField, MergeSide>>;

/** Fields combined from both records rather than chosen. */
export const MERGE_UNION_FIELDS = ['languageKeys', 'topicKeys', 'useCaseKeys', 'productKeys'] as const;

const WILLINGNESS_RANK: Record<MergeWillingness, number> = { no: 0, ask_first: 1, yes: 2 };

export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Both lists' values, the survivor's first, each once. */
export function unionKeys(survivor: readonly string[], duplicate: readonly string[]): string[] {
  return [...new Set([...survivor, ...duplicate])];
}

/** Per activity type, the more willing answer ("yes" over "ask first" over "no"). */
export function mergeWillingness(
  survivor: Record<string, MergeWillingness>,
  duplicate: Record<string, MergeWillingness>,
): Record<string, MergeWillingness> {
  const result: Record<string, MergeWillingness> = { ...survivor };
  for (const [activity, answer] of Object.entries(duplicate)) {
    const current = result[activity];
    if (current === undefined || WILLINGNESS_RANK[answer] > WILLINGNESS_RANK[current]) result[activity] = answer;
  }
  return result;
}

export function laterDate(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return b.getTime() > a.getTime() ? b : a;
}

/** Which side a chosen field's value comes from, and why. */
export function resolveSide(field: MergeChoiceField, survivor: MergeableAdvocate, duplicate: MergeableAdvocate, choices: MergeChoices): MergeSide {
  const chosen = choices[field];
  if (chosen) return chosen;
  return isEmptyValue(survivor[field]) && !isEmptyValue(duplicate[field]) ? 'duplicate' : 'survivor';
}

export interface MergeResolution {
  merged: MergeableAdvocate;
  /** Where each chosen field's value came from. */
  sources: Record<MergeChoiceField, MergeSide>;
  /** Protected or unique values of the duplicate that the merge throws away (named, never logged). */
  dropped: ('email' | 'phone' | 'crmId')[];
}

/** The surviving record after the merge, with where each value came from. */
export function resolveAdvocateMerge(survivor: MergeableAdvocate, duplicate: MergeableAdvocate, choices: MergeChoices = {}): MergeResolution {
  const merged: MergeableAdvocate = { ...survivor };
  const sources = {} as Record<MergeChoiceField, MergeSide>;
  for (const field of MERGE_CHOICE_FIELDS) {
    const side = resolveSide(field, survivor, duplicate, choices);
    sources[field] = side;
    if (side === 'duplicate') (merged as unknown as Record<string, unknown>)[field] = duplicate[field];
  }
  for (const field of MERGE_UNION_FIELDS) merged[field] = unionKeys(survivor[field], duplicate[field]);
  merged.willingness = mergeWillingness(survivor.willingness, duplicate.willingness);
  merged.lastVerifiedAt = laterDate(survivor.lastVerifiedAt, duplicate.lastVerifiedAt);
  merged.points = survivor.points + duplicate.points;
  const dropped = (['email', 'phone', 'crmId'] as const).filter(
    (field) => !isEmptyValue(duplicate[field]) && sources[field] === 'survivor' && !sameText(duplicate[field], survivor[field]),
  );
  return { merged, sources, dropped };
}

function sameText(a: string | null, b: string | null): boolean {
  return (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
}

export interface MergeRefusal {
  field: string;
  reason: string;
}

/** Why two advocates may not be merged as asked (empty when they may). */
export function findMergeRefusals(
  survivor: { id: string; accountId: string },
  duplicate: { id: string; accountId: string },
  options: { allowDifferentAccounts?: boolean } = {},
): MergeRefusal[] {
  if (survivor.id === duplicate.id) return [{ field: 'duplicateId', reason: 'is the advocate itself; pick another record' }];
  if (survivor.accountId !== duplicate.accountId && !options.allowDifferentAccounts) {
    return [{ field: 'duplicateId', reason: 'is at another account; send allowDifferentAccounts: true if it is the same person' }];
  }
  return [];
}

/** Checks on the merged record itself: an active advocate needs consent, as anywhere else. */
export function findMergedRecordProblems(merged: Pick<MergeableAdvocate, 'status' | 'consent'>): MergeRefusal[] {
  if (merged.status === 'active' && isEmptyValue(merged.consent)) {
    return [{ field: 'fields.status', reason: 'an active advocate needs a consent record; keep a consent or another status' }];
  }
  return [];
}
