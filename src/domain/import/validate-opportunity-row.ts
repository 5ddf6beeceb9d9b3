import type { StageMatcher } from './opportunity-values.js';
import { parseCrmDate } from './opportunity-values.js';
import { compact, RowReader, type MappedRow, type RowMatchers, type RowValidation } from './validate-row.js';

/** Opportunity values read from one row. A field left out (blank cell or unmapped column) keeps the stored value. */
export interface OpportunityImportValues {
  name: string;
  prospectName: string;
  crmId?: string;
  /** A live pipeline stage, unless the CRM says the deal is closed (`outcome`). */
  stageKey?: string;
  outcome?: 'won' | 'lost';
  amountUsd?: number;
  closeDate?: string;
  /** The owner as written: an e-mail, or a full name; resolved to a Vouch user later. */
  owner?: string;
  prospectIndustryKey?: string;
  prospectCountry?: string;
  prospectEmployeeCount?: number;
  prospectAnnualRevenueUsd?: number;
  notes?: string;
}

export interface OpportunityRowMatchers extends RowMatchers {
  stage: StageMatcher;
}

export function validateOpportunityRow(row: MappedRow, matchers: OpportunityRowMatchers): RowValidation<OpportunityImportValues> {
  const r = new RowReader(row);
  let stageKey: string | undefined;
  let outcome: 'won' | 'lost' | undefined;
  const stage = row.stage;
  // Required for a new opportunity only (checked with the stored records): blank keeps the stored stage.
  if (stage !== undefined) {
    const match = matchers.stage.match(stage);
    if ('key' in match) stageKey = match.key;
    else if ('outcome' in match) outcome = match.outcome;
    else r.errors.push({ field: 'stage', reason: match.reason });
  }
  let closeDate: string | undefined;
  if (row.closeDate !== undefined) {
    closeDate = parseCrmDate(row.closeDate) ?? undefined;
    if (!closeDate) r.errors.push({ field: 'closeDate', reason: `"${row.closeDate}" is not a date (use YYYY-MM-DD or M/D/YYYY)` });
  }
  const values = {
    name: r.text('opportunityName', 200, true) ?? '',
    prospectName: r.text('prospectName', 200, true) ?? '',
    crmId: r.text('crmId', 100),
    stageKey,
    outcome,
    amountUsd: r.number('amountUsd', 0, Number.MAX_SAFE_INTEGER),
    closeDate,
    owner: r.text('ownerEmail', 320),
    prospectIndustryKey: r.key('prospectIndustryKey', matchers.industry),
    prospectCountry: r.key('prospectCountry', matchers.country),
    prospectEmployeeCount: r.number('prospectEmployeeCount', 1, 10_000_000),
    prospectAnnualRevenueUsd: r.number('prospectAnnualRevenueUsd', 0, Number.MAX_SAFE_INTEGER),
    notes: r.text('notes', 10_000),
  };
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, values: compact(values) };
}
