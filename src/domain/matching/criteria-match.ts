import { bandFor, COMPANY_SIZE_BANDS } from '../taxonomy/program-facets.js';
import type { Criterion, CriterionKind } from '../requests/criteria.js';
import { countryInRegions, countryName } from './geography.js';
import type { CandidateFacts, MatchTaxonomy } from './types.js';

/** An industry's sector key: its parent, or itself when it is a sector. */
export function sectorOf(taxonomy: MatchTaxonomy, industryKey: string | null | undefined): string | null {
  if (!industryKey) return null;
  return taxonomy.industryParents[industryKey] ?? industryKey;
}

export function labelOf(taxonomy: MatchTaxonomy, facet: string, key: string): string {
  return taxonomy.labels[`${facet} ${key}`] ?? key;
}

const overlaps = (have: readonly string[], wanted: readonly string[]) => have.some((k) => wanted.includes(k));
const oneOf = (value: string | null | undefined, wanted: readonly string[]) => value !== null && value !== undefined && wanted.includes(value);

/** The company-size band key (employees_<min>) of an employee count. */
export function companySizeKey(employees: number | null | undefined): string | null {
  return bandFor(COMPANY_SIZE_BANDS, 'employees', employees);
}

/**
 * Does the advocate (or their account) meet one criterion? A criterion without values is
 * met by everyone. Industry accepts sector keys for their industries, like the search.
 */
export function criterionMet(criterion: Criterion, facts: CandidateFacts, taxonomy: MatchTaxonomy): boolean {
  const values = criterion.values;
  if (values.length === 0) return true;
  const industry = facts.account.industryKey;
  switch (criterion.kind) {
    case 'industry':
      return oneOf(industry, values) || oneOf(sectorOf(taxonomy, industry), values);
    case 'sector':
      return oneOf(sectorOf(taxonomy, industry), values);
    case 'country':
      return oneOf(facts.country, values);
    case 'region':
      return countryInRegions(facts.country, values);
    case 'language':
      return overlaps(facts.languageKeys, values);
    case 'product':
      return overlaps(facts.productKeys, values);
    case 'use_case':
      return overlaps(facts.useCaseKeys, values);
    case 'topic':
      return overlaps(facts.topicKeys, values);
    case 'seniority':
      return oneOf(facts.seniorityKey, values);
    case 'function':
      return oneOf(facts.functionKey, values);
    case 'orientation':
      return oneOf(facts.orientation, values);
    case 'company_size':
      return oneOf(companySizeKey(facts.account.employeeCount), values);
  }
}

const KIND_NOUNS: Record<CriterionKind, string> = {
  industry: 'industry',
  sector: 'sector',
  country: 'country',
  region: 'region',
  language: 'language',
  product: 'product',
  use_case: 'use case',
  seniority: 'seniority',
  function: 'function',
  orientation: 'orientation',
  company_size: 'company size',
  topic: 'topic',
};

const TAXONOMY_FACET: Partial<Record<CriterionKind, string>> = {
  industry: 'industry',
  sector: 'industry',
  language: 'language',
  product: 'product',
  use_case: 'use_case',
  seniority: 'seniority',
  function: 'function',
  company_size: 'company_size',
  topic: 'topic',
};

/** The values of a criterion in words: "France or Germany". */
export function criterionValues(criterion: Criterion, taxonomy: MatchTaxonomy): string {
  const facet = TAXONOMY_FACET[criterion.kind];
  const words = criterion.values.map((v) => (criterion.kind === 'country' ? countryName(v) : facet ? labelOf(taxonomy, facet, v) : v));
  if (words.length <= 1) return words[0] ?? 'anything';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** "industry Banking", "country France or Germany". */
export function describeCriterion(criterion: Criterion, taxonomy: MatchTaxonomy): string {
  return `${KIND_NOUNS[criterion.kind]} ${criterionValues(criterion, taxonomy)}`;
}
