import { describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE_STAGES } from '../requests/program-policy.js';
import { defaultCountries } from '../taxonomy/geography.js';
import { defaultIndustries } from '../taxonomy/industries.js';
import { detectSourceFormat, suggestMapping } from './detect-headers.js';
import { findMappingErrors } from './fields.js';
import { createStageMatcher, parseCrmDate } from './opportunity-values.js';
import { validateOpportunityRow } from './validate-opportunity-row.js';
import { createCountryMatcher, createIndustryMatcher } from './values.js';

const stages = DEFAULT_PIPELINE_STAGES.map((s) => ({ key: s.key, label: s.label }));
const stage = createStageMatcher(stages);
const matchers = { stage, industry: createIndustryMatcher(defaultIndustries()), country: createCountryMatcher(defaultCountries()) };

describe('opportunity exports', () => {
  const salesforce = ['Opportunity ID', 'Opportunity Name', 'Account Name', 'Stage', 'Amount', 'Close Date', 'Opportunity Owner', 'Probability (%)', 'Fiscal Period', 'Description'];
  const hubspot = ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Deal owner', 'Pipeline', 'Associated Company', 'Create Date'];

  it('tells a Salesforce opportunity export from a HubSpot deal export', () => {
    expect(detectSourceFormat(salesforce)).toBe('salesforce');
    expect(detectSourceFormat(hubspot)).toBe('hubspot');
  });

  it('maps the usual columns of both', () => {
    expect(suggestMapping('opportunities', salesforce)).toEqual({
      'Opportunity ID': 'crmId',
      'Opportunity Name': 'opportunityName',
      'Account Name': 'prospectName',
      Stage: 'stage',
      Amount: 'amountUsd',
      'Close Date': 'closeDate',
      'Opportunity Owner': 'ownerEmail',
      'Probability (%)': null,
      'Fiscal Period': null,
      Description: 'notes',
    });
    expect(suggestMapping('opportunities', hubspot)).toEqual({
      'Record ID': 'crmId',
      'Deal Name': 'opportunityName',
      'Deal Stage': 'stage',
      Amount: 'amountUsd',
      'Close Date': 'closeDate',
      'Deal owner': 'ownerEmail',
      Pipeline: null,
      'Associated Company': 'prospectName',
      'Create Date': null,
    });
    expect(findMappingErrors('opportunities', hubspot, suggestMapping('opportunities', hubspot))).toEqual([]);
  });

  it('needs the name, prospect, stage and owner columns', () => {
    const errors = findMappingErrors('opportunities', ['Deal Name'], { 'Deal Name': 'opportunityName' });
    expect(errors.map((e) => e.reason)).toEqual([
      'a column must be mapped to Prospect (company) (prospectName)',
      'a column must be mapped to Stage (stage)',
      'a column must be mapped to Owner (e-mail or full name) (ownerEmail)',
    ]);
  });
});

describe('stage matching', () => {
  it.each([
    ['Proposal', 'proposal'], ['proposal', 'proposal'], ['Technical evaluation', 'evaluation'], ['  NEGOTIATION ', 'negotiation'],
    ['Proposal/Price Quote', 'proposal'], ['Negotiation/Review', 'negotiation'], ['Prospecting', 'qualification'], ['Needs Analysis', 'discovery'],
    ['Perception Analysis', 'evaluation'], ['appointmentscheduled', 'qualification'], ['Qualified To Buy', 'discovery'],
    ['decisionmakerboughtin', 'evaluation'], ['Contract Sent', 'negotiation'],
  ])('reads %s as the stage %s', (value, key) => expect(stage.match(value)).toEqual({ key }));

  it.each([['Closed Won', 'won'], ['closedwon', 'won'], ['Closed Lost', 'lost'], ['closedlost', 'lost']])('reads %s as the outcome %s', (value, outcome) =>
    expect(stage.match(value)).toEqual({ outcome }),
  );

  it('names the pipeline when a stage matches nothing', () => {
    expect(stage.match('Signed in blood')).toEqual({ reason: expect.stringMatching(/^"Signed in blood" is not a stage of the pipeline \(Qualification, Discovery/) });
  });

  it('never maps a CRM stage to a stage no longer in use, and prefers the pipeline’s own labels', () => {
    const custom = createStageMatcher([{ key: 'pitch', label: 'Needs Analysis' }, { key: 'proposal', label: 'Proposal' }]);
    expect(custom.match('Needs Analysis')).toEqual({ key: 'pitch' });
    expect('reason' in custom.match('Prospecting')).toBe(true);
  });
});

describe('close dates', () => {
  it.each([
    ['2031-06-30', '2031-06-30'], ['2031-03-31 00:00', '2031-03-31'], ['2031-03-31T10:00:00Z', '2031-03-31'], ['6/30/2031', '2031-06-30'],
    ['30/6/2031', '2031-06-30'], ['31.03.2031', '2031-03-31'], ['01-02-2031', '2031-02-01'], ['2/29/2032', '2032-02-29'],
  ])('reads %s as %s', (raw, iso) => expect(parseCrmDate(raw)).toBe(iso));

  it.each(['31/13/2031', '2031-02-30', '2/29/2031', 'next week', '2031', ''])('refuses %s', (raw) => expect(parseCrmDate(raw)).toBeNull());
});

describe('opportunity rows', () => {
  it('reads a row, leaving blank cells out', () => {
    const result = validateOpportunityRow(
      { opportunityName: 'Globex', prospectName: 'Globex Corp', stage: 'Needs Analysis', amountUsd: '$1,200', closeDate: '6/30/2031', ownerEmail: 'Sam@Example.com', prospectCountry: 'France' },
      matchers,
    );
    expect(result).toEqual({
      ok: true,
      values: { name: 'Globex', prospectName: 'Globex Corp', stageKey: 'discovery', amountUsd: 1200, closeDate: '2031-06-30', owner: 'Sam@Example.com', prospectCountry: 'FR' },
    });
  });

  it('reads a closed deal as its outcome', () => {
    expect(validateOpportunityRow({ opportunityName: 'A', prospectName: 'B', stage: 'Closed Won' }, matchers)).toEqual({
      ok: true,
      values: { name: 'A', prospectName: 'B', outcome: 'won' },
    });
  });

  it('reports every bad cell', () => {
    const result = validateOpportunityRow({ stage: 'Nope', amountUsd: 'lots', closeDate: 'soon', prospectIndustryKey: 'Basket weaving' }, matchers);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.field).sort()).toEqual(['amountUsd', 'closeDate', 'opportunityName', 'prospectIndustryKey', 'prospectName', 'stage']);
  });
});
