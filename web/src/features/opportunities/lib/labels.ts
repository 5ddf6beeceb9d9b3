import type { OpportunityOutcome, OpportunitySort } from '../api/types';

export const OUTCOME_LABELS: Record<OpportunityOutcome, string> = { open: 'Open', won: 'Won', lost: 'Lost' };
export const OUTCOME_COLORS: Record<OpportunityOutcome, string> = { open: 'blue', won: 'teal', lost: 'gray' };

export const SORT_OPTIONS: { value: OpportunitySort; label: string }[] = [
  { value: 'updated', label: 'Recently changed' },
  { value: 'close_date', label: 'Closing soonest' },
  { value: 'amount', label: 'Largest amount' },
  { value: 'name', label: 'Name (A–Z)' },
];

export const isOutcome = (value: string): value is OpportunityOutcome => value === 'open' || value === 'won' || value === 'lost';
export const isSort = (value: string): value is OpportunitySort => SORT_OPTIONS.some((o) => o.value === value);

/** Where "Find references" starts a request, prefilled from the deal. */
export const findReferencesPath = (opportunityId: string) => `/requests/new?opportunityId=${encodeURIComponent(opportunityId)}`;
