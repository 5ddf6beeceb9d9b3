import type { Criterion, CriterionKind } from '../requests/criteria.js';
import { criterionMet, describeCriterion, labelOf, sectorOf } from './criteria-match.js';
import { countryName, geoCloseness } from './geography.js';
import { GEO_SIMILARITY, INDUSTRY_SIMILARITY, PERSONA_PARTS, scaleSimilarity, senioritySimilarity } from './similarity.js';
import type { CandidateFacts, MatchRequest, MatchTaxonomy } from './types.js';

/** One factor's similarity (0–1) and why, in a line (built only when asked: ranking needs numbers). */
export interface FactorOutcome {
  similarity: number;
  detail: () => string;
}

const unique = (keys: readonly string[]) => [...new Set(keys)];
const criteriaOf = (request: MatchRequest, kinds: readonly CriterionKind[]): Criterion[] =>
  request.criteria.filter((c) => kinds.includes(c.kind) && c.values.length > 0);
const list = (words: string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`);

/** The first criterion of these kinds the advocate meets, if any. */
function metCriterion(facts: CandidateFacts, request: MatchRequest, kinds: readonly CriterionKind[], taxonomy: MatchTaxonomy): Criterion | undefined {
  return criteriaOf(request, kinds).find((c) => criterionMet(c, facts, taxonomy));
}

export const FACTOR_CRITERIA = {
  industry: ['industry', 'sector'],
  scale: ['company_size'],
  geography: ['country', 'region', 'language'],
  products: ['product', 'use_case'],
  persona: ['seniority', 'function', 'orientation'],
  topics: ['topic'],
} as const satisfies Record<string, readonly CriterionKind[]>;

export function industryFactor(facts: CandidateFacts, request: MatchRequest, taxonomy: MatchTaxonomy): FactorOutcome {
  const met = metCriterion(facts, request, FACTOR_CRITERIA.industry, taxonomy);
  if (met) return { similarity: 1, detail: () => `Matches the wanted ${describeCriterion(met, taxonomy)}` };
  const mine = facts.account.industryKey;
  const theirs = request.prospect.industryKey;
  if (!mine) return { similarity: 0, detail: () => 'Industry unknown' };
  const label = labelOf(taxonomy, 'industry', mine);
  if (theirs && mine === theirs) return { similarity: INDUSTRY_SIMILARITY.same, detail: () => `Same industry as the prospect: ${label}` };
  const sector = sectorOf(taxonomy, mine);
  if (theirs && sector === sectorOf(taxonomy, theirs)) {
    return { similarity: INDUSTRY_SIMILARITY.sameSector, detail: () => `Same sector as the prospect: ${labelOf(taxonomy, 'industry', sector ?? mine)} (${label})` };
  }
  return { similarity: 0, detail: () => `Different industry: ${label}` };
}

const formatCount = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const formatMoney = (n: number) => (n >= 1e9 ? `$${(n / 1e9).toFixed(1)}B` : `$${Math.round(n / 1e6)}M`);

export function scaleFactor(facts: CandidateFacts, request: MatchRequest, taxonomy: MatchTaxonomy): FactorOutcome {
  const met = metCriterion(facts, request, FACTOR_CRITERIA.scale, taxonomy);
  if (met) return { similarity: 1, detail: () => `In the wanted ${describeCriterion(met, taxonomy)}` };
  const pairs: { mine: number; theirs: number; say: string }[] = [];
  const { employeeCount, annualRevenueUsd } = facts.account;
  const p = request.prospect;
  if (employeeCount && employeeCount > 0 && p.employeeCount && p.employeeCount > 0) {
    pairs.push({ mine: employeeCount, theirs: p.employeeCount, say: `${formatCount(employeeCount)} employees vs ${formatCount(p.employeeCount)} at the prospect` });
  }
  if (annualRevenueUsd && annualRevenueUsd > 0 && p.annualRevenueUsd && p.annualRevenueUsd > 0) {
    pairs.push({ mine: annualRevenueUsd, theirs: p.annualRevenueUsd, say: `${formatMoney(annualRevenueUsd)} revenue vs ${formatMoney(p.annualRevenueUsd)}` });
  }
  if (pairs.length === 0) return { similarity: 0, detail: () => 'Company size unknown' };
  const decades = pairs.reduce((sum, x) => sum + Math.abs(Math.log10(x.mine / x.theirs)), 0) / pairs.length;
  return { similarity: scaleSimilarity(decades), detail: () => pairs.map((x) => x.say).join('; ') };
}

export function geographyFactor(facts: CandidateFacts, request: MatchRequest, taxonomy: MatchTaxonomy): FactorOutcome {
  const met = metCriterion(facts, request, FACTOR_CRITERIA.geography, taxonomy);
  if (met) return { similarity: 1, detail: () => `In the wanted ${describeCriterion(met, taxonomy)}` };
  const theirs = request.prospect.country;
  const where = () => (facts.country ? countryName(facts.country) : 'an unknown country');
  if (!theirs) return { similarity: 0, detail: () => `Based in ${where()}` };
  const closeness = geoCloseness(facts.country, facts.languageKeys, theirs);
  const detail = () => {
    const there = countryName(theirs);
    switch (closeness) {
      case 'same_country':
        return `Same country as the prospect: ${where()}`;
      case 'same_subregion':
        return `Based in ${where()}, near ${there}`;
      case 'same_region':
        return `Based in ${where()}, same region as ${there}`;
      case 'shared_language':
        return `Based in ${where()}; speaks a language of ${there}`;
      case 'far':
        return `Based in ${where()}, far from ${there}`;
    }
  };
  return { similarity: GEO_SIMILARITY[closeness], detail };
}

export function productsFactor(facts: CandidateFacts, request: MatchRequest, taxonomy: MatchTaxonomy): FactorOutcome {
  const products = unique([...(request.prospect.productKeys ?? []), ...criteriaOf(request, ['product']).flatMap((c) => c.values)]);
  const useCases = unique(criteriaOf(request, ['use_case']).flatMap((c) => c.values));
  const total = products.length + useCases.length;
  if (total === 0) return { similarity: 0, detail: () => 'No products or use cases asked for' };
  const hits = [
    ...products.filter((k) => facts.productKeys.includes(k)).map((k) => labelOf(taxonomy, 'product', k)),
    ...useCases.filter((k) => facts.useCaseKeys.includes(k)).map((k) => labelOf(taxonomy, 'use_case', k)),
  ];
  if (hits.length === 0) return { similarity: 0, detail: () => 'None of the wanted products or use cases' };
  return { similarity: hits.length / total, detail: () => `Uses ${list(hits)} (${hits.length} of ${total} wanted)` };
}

export function personaFactor(facts: CandidateFacts, request: MatchRequest, taxonomy: MatchTaxonomy): FactorOutcome {
  const parts: { weight: number; similarity: number; say: string }[] = [];
  const p = request.prospect;
  const seniority = criteriaOf(request, ['seniority']);
  const mine = facts.seniorityKey;
  const myLabel = mine ? labelOf(taxonomy, 'seniority', mine) : 'Seniority unknown';
  if (seniority.some((c) => criterionMet(c, facts, taxonomy))) {
    parts.push({ weight: PERSONA_PARTS.seniority, similarity: 1, say: `${myLabel}, as wanted` });
  } else if (p.contactSeniorityKey) {
    const theirs = p.contactSeniorityKey;
    const theirLabel = labelOf(taxonomy, 'seniority', theirs);
    const a = mine ? taxonomy.seniorityRanks[mine] : undefined;
    const b = taxonomy.seniorityRanks[theirs];
    const diff = a !== undefined && b !== undefined ? a - b : mine === theirs ? 0 : Number.NaN;
    const similarity = Number.isNaN(diff) ? 0 : senioritySimilarity(diff);
    const say = diff === 0 ? `${myLabel}, a peer of the prospect’s ${theirLabel}` : diff > 0 ? `${myLabel}, senior to the prospect’s ${theirLabel}` : `${myLabel}, junior to the prospect’s ${theirLabel}`;
    parts.push({ weight: PERSONA_PARTS.seniority, similarity, say: Number.isNaN(diff) ? `${myLabel} vs the prospect’s ${theirLabel}` : say });
  } else if (seniority.length) {
    parts.push({ weight: PERSONA_PARTS.seniority, similarity: 0, say: `${myLabel}, not the wanted seniority` });
  }
  const fn = facts.functionKey;
  const fnLabel = fn ? labelOf(taxonomy, 'function', fn) : 'function unknown';
  const functions = criteriaOf(request, ['function']);
  if (functions.length || p.contactFunctionKey) {
    const same = functions.some((c) => criterionMet(c, facts, taxonomy)) || (fn !== null && fn === p.contactFunctionKey);
    parts.push({ weight: PERSONA_PARTS.function, similarity: same ? 1 : 0, say: same ? `same function (${fnLabel})` : `different function (${fnLabel})` });
  }
  const orientation = criteriaOf(request, ['orientation']);
  if (orientation.length) {
    const same = orientation.some((c) => criterionMet(c, facts, taxonomy));
    parts.push({ weight: PERSONA_PARTS.orientation, similarity: same ? 1 : 0, say: `${facts.orientation ?? 'unknown'} profile` });
  }
  if (parts.length === 0) return { similarity: 0, detail: () => 'No prospect contact given' };
  const weight = parts.reduce((s, x) => s + x.weight, 0);
  return { similarity: parts.reduce((s, x) => s + x.weight * x.similarity, 0) / weight, detail: () => parts.map((x) => x.say).join('; ') };
}

export function topicsFactor(facts: CandidateFacts, request: MatchRequest, taxonomy: MatchTaxonomy): FactorOutcome {
  const wanted = unique([...request.topicKeys, ...criteriaOf(request, ['topic']).flatMap((c) => c.values)]);
  if (wanted.length === 0) return { similarity: 0, detail: () => 'No topics asked for' };
  const covered = wanted.filter((k) => facts.topicKeys.includes(k));
  if (covered.length === 0) return { similarity: 0, detail: () => 'Speaks to none of the prospect’s topics' };
  return {
    similarity: covered.length / wanted.length,
    detail: () => `Can speak to ${list(covered.map((k) => labelOf(taxonomy, 'topic', k)))} (${covered.length} of ${wanted.length} topics)`,
  };
}

/** Which request-dependent factors this request asks about at all (the others are left out of the score). */
export function askedFactors(request: MatchRequest): Record<keyof typeof FACTOR_CRITERIA, boolean> {
  const has = (kinds: readonly CriterionKind[]) => criteriaOf(request, kinds).length > 0;
  const p = request.prospect;
  return {
    industry: Boolean(p.industryKey) || has(FACTOR_CRITERIA.industry),
    scale: Boolean(p.employeeCount || p.annualRevenueUsd) || has(FACTOR_CRITERIA.scale),
    geography: Boolean(p.country) || has(FACTOR_CRITERIA.geography),
    products: Boolean(p.productKeys?.length) || has(FACTOR_CRITERIA.products),
    persona: Boolean(p.contactSeniorityKey || p.contactFunctionKey) || has(FACTOR_CRITERIA.persona),
    topics: request.topicKeys.length > 0 || has(FACTOR_CRITERIA.topics),
  };
}
