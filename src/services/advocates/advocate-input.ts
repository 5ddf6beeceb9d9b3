import type { ConsentRecord, Willingness } from '../../db/schema/index.js';
import type { AdvocateStatus } from '../../domain/advocate-lifecycle.js';

/** What create and update accept (update: every field optional). */
export interface AdvocateInput {
  accountId: string;
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  title?: string | null;
  seniorityKey?: string | null;
  functionKey?: string | null;
  orientation?: 'technical' | 'business' | null;
  country?: string | null;
  timeZone?: string | null;
  languageKeys?: string[];
  topicKeys?: string[];
  useCaseKeys?: string[];
  productKeys?: string[];
  storySituation?: string | null;
  storySolution?: string | null;
  storyOutcomes?: string | null;
  personalityNotes?: string | null;
  willingness?: Record<string, Willingness>;
  personalCap?: number | null;
  status?: AdvocateStatus;
  consent?: ConsentRecord | null;
  lastVerifiedAt?: string | null;
  points?: number;
  crmId?: string | null;
  blackouts?: { startsOn: string; endsOn: string; reason?: string | null }[];
}
