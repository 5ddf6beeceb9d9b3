import type { MatchingFactor, ReadinessFact, SelectionMode } from '@domain/requests/program-policy';

/*
 * Labels for the program policy's parts. The domain module also holds the zod schema, which the
 * web app does not bundle: these lists are typed against its types, so a new fact or factor
 * there fails the web build until it is labelled here.
 */
export const READINESS_FACT_OPTIONS: { value: ReadinessFact; label: string }[] = [
  { value: 'decision_maker_buy_in', label: 'Decision-maker buy-in' },
  { value: 'technical_approval', label: 'Technical approval' },
  { value: 'budget_confirmed', label: 'Budget confirmed' },
  { value: 'finalist', label: 'Shortlisted as a finalist' },
];

export const READINESS_FACT_LABELS = Object.fromEntries(READINESS_FACT_OPTIONS.map((o) => [o.value, o.label])) as Record<ReadinessFact, string>;

export const SELECTION_MODE_LABELS: Record<SelectionMode, string> = {
  seller_picks: 'Requester picks',
  program_proposes: 'Program team proposes',
};

export const SELECTION_MODE_OPTIONS = (Object.keys(SELECTION_MODE_LABELS) as SelectionMode[]).map((value) => ({
  value,
  label: SELECTION_MODE_LABELS[value],
}));

export const MATCHING_FACTOR_LABELS: Record<MatchingFactor, { label: string; description: string }> = {
  industry: { label: 'Industry', description: 'Same industry, or the same sector' },
  scale: { label: 'Company size', description: 'Similar employees and revenue, on a log scale' },
  geography: { label: 'Geography', description: 'Same country, then the same region' },
  products: { label: 'Products and use cases', description: 'Uses the products the prospect is looking at' },
  persona: { label: 'Seniority and function', description: 'Peer of the prospect contact' },
  topics: { label: 'Topics', description: 'Can speak to the concerns the prospect raised' },
  freshness: { label: 'Freshness', description: 'Profile recently verified' },
  load: { label: 'Recent load', description: 'Asked less often lately' },
  track_record: { label: 'Track record', description: 'Past uses that went well' },
};

export const MATCHING_FACTORS_IN_ORDER = Object.keys(MATCHING_FACTOR_LABELS) as MatchingFactor[];
