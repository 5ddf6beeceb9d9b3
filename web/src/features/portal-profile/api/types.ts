/** Field names an advocate may propose changes to (mirrors the server's PROPOSABLE_FIELDS). */
export type ProposableField =
  | 'title'
  | 'phone'
  | 'email'
  | 'country'
  | 'timeZone'
  | 'languageKeys'
  | 'topicKeys'
  | 'useCaseKeys'
  | 'productKeys'
  | 'storySituation'
  | 'storySolution'
  | 'storyOutcomes';

export type ProfileValue = string | string[] | null;

export interface Proposal {
  id: string;
  status: 'pending' | 'approved' | 'rejected' | 'superseded';
  submittedAt: string;
  decidedAt: string | null;
  note: string | null;
  fields: { field: ProposableField; label: string; before: ProfileValue; proposed: ProfileValue }[];
}

/** `GET /api/portal/profile`. */
export interface PortalProfile {
  id: string;
  firstName: string;
  lastName: string;
  account: { id: string; name: string };
  status: string;
  title: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  timeZone: string | null;
  languageKeys: string[];
  topicKeys: string[];
  useCaseKeys: string[];
  productKeys: string[];
  storySituation: string | null;
  storySolution: string | null;
  storyOutcomes: string | null;
  lastVerifiedAt: string | null;
  freshness: 'fresh' | 'due' | 'stale' | 'never_verified';
  pendingChange: Proposal | null;
  lastDecision: Proposal | null;
}

export interface ProfileOption {
  key: string;
  label: string;
  retired: boolean;
}

export interface ProfileOptions {
  countries: ProfileOption[];
  languages: ProfileOption[];
  topics: ProfileOption[];
  useCases: ProfileOption[];
  products: ProfileOption[];
}

export type ProfileChanges = Partial<Record<ProposableField, ProfileValue>>;

export type ProposalResult =
  | { outcome: 'verified'; lastVerifiedAt: string; profile: PortalProfile }
  | { outcome: 'proposed'; change: Proposal; supersededId: string | null; profile: PortalProfile };

export interface PortalBlackout {
  id: string;
  startsOn: string;
  endsOn: string;
  reason: string | null;
  past: boolean;
  current: boolean;
}

export type Willingness = 'yes' | 'ask_first' | 'no';

export interface PortalPreferences {
  activityTypes: { key: string; label: string; weight: number; willingness: Willingness }[];
  personalCap: number | null;
  cap: { windowDays: number; programUnits: number; maxUnits: number };
  messages: { kind: string; label: string; description: string; required: boolean; enabled: boolean }[];
}

export interface PreferencesInput {
  willingness: Record<string, Willingness>;
  personalCap: number | null;
  optOuts: string[];
}
