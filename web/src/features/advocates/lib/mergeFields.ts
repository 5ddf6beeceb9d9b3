import type { MergeableAdvocate, MergeChoiceField } from '@domain/advocate-merge';
import type { Advocate } from '../api/types';

/** Contact details never reach the browser: the preview only knows whether each exists. */
export const ON_FILE = 'on file';

/** An advocate profile as the shared merge rules see it. */
export function mergeableOf(advocate: Advocate): MergeableAdvocate {
  return {
    accountId: advocate.account.id,
    firstName: advocate.firstName,
    lastName: advocate.lastName,
    email: advocate.contact.hasEmail ? ON_FILE : null,
    phone: advocate.contact.hasPhone ? ON_FILE : null,
    title: advocate.title,
    seniorityKey: advocate.seniorityKey,
    functionKey: advocate.functionKey,
    orientation: advocate.orientation,
    country: advocate.country,
    timeZone: advocate.timeZone,
    languageKeys: advocate.languageKeys,
    topicKeys: advocate.topicKeys,
    useCaseKeys: advocate.useCaseKeys,
    productKeys: advocate.productKeys,
    storySituation: advocate.story.situation,
    storySolution: advocate.story.solution,
    storyOutcomes: advocate.story.outcomes,
    personalityNotes: advocate.personalityNotes,
    willingness: advocate.willingness,
    personalCap: advocate.personalCap,
    status: advocate.status,
    consent: advocate.consent,
    lastVerifiedAt: advocate.lastVerifiedAt ? new Date(advocate.lastVerifiedAt) : null,
    points: advocate.points,
    crmId: advocate.crmId,
  };
}

/** The comparison's rows, in reading order, with their labels. */
export const MERGE_FIELD_LABELS: Readonly<Record<MergeChoiceField, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  accountId: 'Account',
  title: 'Title',
  seniorityKey: 'Seniority',
  functionKey: 'Function',
  orientation: 'Technical or business',
  country: 'Country',
  timeZone: 'Time zone',
  email: 'E-mail',
  phone: 'Phone',
  crmId: 'CRM id',
  status: 'Status',
  consent: 'Consent',
  personalCap: 'Personal cap',
  storySituation: 'Story: situation',
  storySolution: 'Story: solution',
  storyOutcomes: 'Story: outcomes',
  personalityNotes: 'Personality notes',
};

export const MERGE_FIELD_ORDER = Object.keys(MERGE_FIELD_LABELS) as MergeChoiceField[];
