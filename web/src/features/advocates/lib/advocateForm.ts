import type { AdvocateStatus } from '@domain/advocate-lifecycle';
import { isoToLocalInput, localInputToIso } from '@/shared/format/dates';
import type { Advocate, AdvocateInput, ConsentRecord, Orientation, Willingness } from '../api/types';

export interface BlackoutRow {
  /** Only for React lists. */
  rowId: string;
  startsOn: string;
  endsOn: string;
  reason: string;
}

export interface ConsentValues {
  /** `<input type="datetime-local">` value. */
  at: string;
  method: string;
  scope: string[];
  notes: string;
}

export interface AdvocateFormValues {
  firstName: string;
  lastName: string;
  title: string;
  /** A new e-mail or phone; empty keeps what is on file. */
  email: string;
  phone: string;
  clearEmail: boolean;
  clearPhone: boolean;
  seniorityKey: string;
  functionKey: string;
  orientation: string;
  country: string;
  timeZone: string;
  languageKeys: string[];
  topicKeys: string[];
  useCaseKeys: string[];
  productKeys: string[];
  storySituation: string;
  storySolution: string;
  storyOutcomes: string;
  personalityNotes: string;
  /** Only the answers recorded; a missing activity means "ask first". */
  willingness: Record<string, Willingness>;
  blackouts: BlackoutRow[];
  crmId: string;
  /** Admins only from here. */
  status: AdvocateStatus;
  points: number | string;
  personalCap: number | string;
  lastVerifiedAt: string;
  consentRecorded: boolean;
  consent: ConsentValues;
}

let rowCounter = 0;
export function newRowId(): string {
  rowCounter += 1;
  return `row-${rowCounter}`;
}

const emptyConsent = (): ConsentValues => ({ at: isoToLocalInput(new Date().toISOString()), method: '', scope: [], notes: '' });

export function advocateFormValues(advocate?: Advocate | null): AdvocateFormValues {
  return {
    firstName: advocate?.firstName ?? '',
    lastName: advocate?.lastName ?? '',
    title: advocate?.title ?? '',
    email: '',
    phone: '',
    clearEmail: false,
    clearPhone: false,
    seniorityKey: advocate?.seniorityKey ?? '',
    functionKey: advocate?.functionKey ?? '',
    orientation: advocate?.orientation ?? '',
    country: advocate?.country ?? '',
    timeZone: advocate?.timeZone ?? '',
    languageKeys: [...(advocate?.languageKeys ?? [])],
    topicKeys: [...(advocate?.topicKeys ?? [])],
    useCaseKeys: [...(advocate?.useCaseKeys ?? [])],
    productKeys: [...(advocate?.productKeys ?? [])],
    storySituation: advocate?.story.situation ?? '',
    storySolution: advocate?.story.solution ?? '',
    storyOutcomes: advocate?.story.outcomes ?? '',
    personalityNotes: advocate?.personalityNotes ?? '',
    willingness: { ...(advocate?.willingness ?? {}) },
    blackouts: (advocate?.blackouts ?? []).map((b) => ({
      rowId: newRowId(),
      startsOn: b.startsOn,
      endsOn: b.endsOn,
      reason: b.reason ?? '',
    })),
    crmId: advocate?.crmId ?? '',
    status: advocate?.status ?? 'nominated',
    points: advocate?.points ?? 0,
    personalCap: advocate?.personalCap ?? '',
    lastVerifiedAt: isoToLocalInput(advocate?.lastVerifiedAt ?? null),
    consentRecorded: Boolean(advocate?.consent),
    consent: advocate?.consent
      ? {
          at: isoToLocalInput(advocate.consent.at),
          method: advocate.consent.method,
          scope: [...advocate.consent.scope],
          notes: advocate.consent.notes ?? '',
        }
      : emptyConsent(),
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const num = (value: number | string): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const parsed = value.trim() === '' ? Number.NaN : Number(value);
  return Number.isFinite(parsed) ? parsed : null;
};
const isOrientation = (value: string): value is Orientation => value === 'technical' || value === 'business';

function consentOf(values: AdvocateFormValues): ConsentRecord | null {
  if (!values.consentRecorded) return null;
  const notes = values.consent.notes.trim();
  return {
    at: localInputToIso(values.consent.at) ?? values.consent.at,
    method: values.consent.method.trim(),
    scope: values.consent.scope,
    ...(notes ? { notes } : {}),
  };
}

/** The profile fields every editor may set, as the API takes them (e-mail and phone apart). */
function profileInput(values: AdvocateFormValues): AdvocateInput {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    title: text(values.title),
    seniorityKey: text(values.seniorityKey),
    functionKey: text(values.functionKey),
    orientation: isOrientation(values.orientation) ? values.orientation : null,
    country: text(values.country),
    timeZone: text(values.timeZone),
    languageKeys: values.languageKeys,
    topicKeys: values.topicKeys,
    useCaseKeys: values.useCaseKeys,
    productKeys: values.productKeys,
    storySituation: text(values.storySituation),
    storySolution: text(values.storySolution),
    storyOutcomes: text(values.storyOutcomes),
    personalityNotes: text(values.personalityNotes),
    willingness: values.willingness,
    blackouts: values.blackouts.map((b) => ({ startsOn: b.startsOn, endsOn: b.endsOn, reason: text(b.reason) })),
    crmId: text(values.crmId),
  };
}

/** Fields only program admins may set. */
function programInput(values: AdvocateFormValues): AdvocateInput {
  return {
    points: num(values.points) ?? 0,
    personalCap: num(values.personalCap),
    lastVerifiedAt: localInputToIso(values.lastVerifiedAt),
    consent: consentOf(values),
  };
}

export function createInput(values: AdvocateFormValues, isAdmin: boolean): AdvocateInput {
  const input: AdvocateInput = { ...profileInput(values) };
  if (values.email.trim()) input.email = values.email.trim();
  if (values.phone.trim()) input.phone = values.phone.trim();
  if (isAdmin) {
    Object.assign(input, programInput(values));
    if (values.status !== 'nominated') input.status = values.status;
  }
  return input;
}

/** Only what changed since the form opened (PATCH semantics). */
export function changedInput(before: AdvocateFormValues, after: AdvocateFormValues, isAdmin: boolean): AdvocateInput {
  const a: AdvocateInput = { ...profileInput(before), ...(isAdmin ? programInput(before) : {}) };
  const b: AdvocateInput = { ...profileInput(after), ...(isAdmin ? programInput(after) : {}) };
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(b) as (keyof AdvocateInput)[]) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) changes[key] = b[key];
  }
  if (after.clearEmail) changes['email'] = null;
  else if (after.email.trim()) changes['email'] = after.email.trim();
  if (after.clearPhone) changes['phone'] = null;
  else if (after.phone.trim()) changes['phone'] = after.phone.trim();
  return changes as AdvocateInput;
}
