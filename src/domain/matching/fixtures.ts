import type { CandidateFacts, MatchCaps, MatchRequest, MatchTaxonomy } from './types.js';

/** Builders for the matching unit tests: a fitting advocate, a plain request, a small taxonomy. */
export const TEST_TAXONOMY: MatchTaxonomy = {
  industryParents: { financial_services: null, banking: 'financial_services', insurance: 'financial_services', information_technology: null, software: 'information_technology' },
  seniorityRanks: { c_level: 5, vp: 4, director: 3, manager: 2, individual_contributor: 1 },
  labels: { 'industry banking': 'Banking', 'industry financial_services': 'Financial services', 'topic security': 'Security', 'topic migration': 'Migration', 'seniority vp': 'VP' },
};

export const TEST_CAPS: MatchCaps = { windowDays: 365, advocateUnits: 6, accountUnits: 15, restDays: 14 };

export function testFacts(overrides: Partial<CandidateFacts> = {}, account: Partial<CandidateFacts['account']> = {}): CandidateFacts {
  return {
    advocateId: '00000000-0000-4000-8000-000000000001',
    accountId: '00000000-0000-4000-8000-0000000000a1',
    status: 'active',
    willingness: { reference_call: 'yes' },
    seniorityKey: 'vp',
    functionKey: 'it',
    orientation: 'technical',
    country: 'FR',
    languageKeys: ['en', 'fr'],
    topicKeys: ['security', 'migration'],
    useCaseKeys: ['data_integration'],
    productKeys: ['insights_cloud'],
    lastVerifiedAt: '2026-10-01T00:00:00.000Z',
    personalCap: null,
    blackouts: [],
    advocateUses: [],
    accountUses: [],
    lastUsedOn: null,
    usedOnOpportunity: false,
    history: { asked: 0, accepted: 0, rated: 0, metNeeds: 0 },
    ...overrides,
    account: {
      industryKey: 'banking',
      employeeCount: 5_000,
      annualRevenueUsd: 1_000_000_000,
      referenceStatus: 'referenceable',
      restrictionReason: null,
      usageCap: null,
      ...account,
    },
  };
}

export function testRequest(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    activityTypeKey: 'reference_call',
    neededBy: '2026-12-01',
    prospect: { industryKey: 'banking', employeeCount: 4_000, country: 'FR', contactSeniorityKey: 'vp', contactFunctionKey: 'it', productKeys: ['insights_cloud'] },
    criteria: [],
    topicKeys: ['security'],
    opportunityId: null,
    excludedAccountIds: [],
    ...overrides,
  };
}

export const TEST_TODAY = '2026-11-10';
