/**
 * An advocate's lifecycle (DESIGN.md §2): recruited through nomination, review and interview,
 * then active, paused or gone. Only the transitions below are allowed.
 */
/** Order matters: the search records store a status as its position here (migrations 0007, 0015). */
export const ADVOCATE_STATUSES = ['nominated', 'in_review', 'interviewed', 'active', 'paused', 'retired', 'left_company', 'withdrawn'] as const;
export type AdvocateStatus = (typeof ADVOCATE_STATUSES)[number];

export const ADVOCATE_STATUS_LABELS: Record<AdvocateStatus, string> = {
  nominated: 'Nominated',
  in_review: 'In review',
  interviewed: 'Interviewed',
  active: 'Active',
  paused: 'Paused',
  retired: 'Retired',
  left_company: 'Left company',
  withdrawn: 'Withdrawn',
};

const TRANSITIONS: Record<AdvocateStatus, readonly AdvocateStatus[]> = {
  nominated: ['in_review', 'retired', 'left_company', 'withdrawn'],
  in_review: ['interviewed', 'nominated', 'retired', 'left_company', 'withdrawn'],
  interviewed: ['active', 'in_review', 'retired', 'left_company', 'withdrawn'],
  active: ['paused', 'retired', 'left_company', 'withdrawn'],
  paused: ['active', 'retired', 'left_company', 'withdrawn'],
  // A retired advocate can be recruited again; someone who left is a new person at a new account.
  retired: ['in_review', 'withdrawn'],
  left_company: [],
  // The advocate said no more: only recruiting them again, with new consent, brings them back.
  withdrawn: ['in_review', 'left_company'],
};

export function allowedTransitions(from: AdvocateStatus): readonly AdvocateStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: AdvocateStatus, to: AdvocateStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Why a transition is refused, in words an admin can act on; null when it is allowed. */
export function transitionError(from: AdvocateStatus, to: AdvocateStatus): string | null {
  if (from === to) return `The advocate is already ${ADVOCATE_STATUS_LABELS[to].toLowerCase()}.`;
  if (canTransition(from, to)) return null;
  const options = TRANSITIONS[from].map((s) => ADVOCATE_STATUS_LABELS[s].toLowerCase());
  return options.length === 0
    ? `${ADVOCATE_STATUS_LABELS[from]} is final.`
    : `From ${ADVOCATE_STATUS_LABELS[from].toLowerCase()} an advocate can only become ${options.join(', ')}.`;
}

/** Only active advocates can be asked to help. */
export function isAskable(status: AdvocateStatus): boolean {
  return status === 'active';
}
