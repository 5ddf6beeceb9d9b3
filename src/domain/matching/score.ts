import { dayNumber } from '../requests/caps.js';
import { MATCHING_FACTORS, type MatchingFactor } from '../requests/program-policy.js';
import { askedFactors, geographyFactor, industryFactor, personaFactor, productsFactor, scaleFactor, topicsFactor, type FactorOutcome } from './factors.js';
import { freshnessSimilarity, loadSimilarity, NEUTRAL_TRACK_RECORD, smoothedRate } from './similarity.js';
import type { CandidateFacts, MatchRequest, MatchTaxonomy } from './types.js';

const DAYS_PER_MONTH = 30.44;

export const FACTOR_LABELS: Record<MatchingFactor, string> = {
  industry: 'Industry',
  scale: 'Company scale',
  geography: 'Geography',
  products: 'Products and use cases',
  persona: 'Seniority and function',
  topics: 'Topics covered',
  freshness: 'Profile freshness',
  load: 'Recent load',
  track_record: 'Track record',
};

export interface FactorScore {
  factor: MatchingFactor;
  label: string;
  /** Points this factor adds to the 0–100 score. */
  contribution: number;
  /** The most this factor could add for this request. */
  maximum: number;
  detail: string;
}

export interface ScoreContext {
  today: string;
  weights: Partial<Record<MatchingFactor, number>>;
  taxonomy: MatchTaxonomy;
  /** The advocate's busiest load in the window around the date, and their cap. */
  advocateUsed: number;
  advocateCap: number;
  windowDays: number;
  staleAfterMonths: number;
  /** Build the one-line details (false: numbers only, for ranking many candidates). */
  explain?: boolean;
  /** factorShares of the request, when already computed for many candidates. */
  shares?: Record<MatchingFactor, number>;
}

/** Factors every request is scored on (the others only when the request asks about them). */
const ALWAYS_SCORED: readonly MatchingFactor[] = ['freshness', 'load', 'track_record'];

/**
 * Each factor's share of the 100 points: its weight over the weights of the factors this request
 * asks about (a request without topics does not score topics; freshness, load and track record
 * always count).
 */
export function factorShares(request: MatchRequest, weights: Partial<Record<MatchingFactor, number>>): Record<MatchingFactor, number> {
  const asked = { ...askedFactors(request), freshness: true, load: true, track_record: true };
  const total = MATCHING_FACTORS.reduce((sum, f) => sum + (asked[f] ? Math.max(0, weights[f] ?? 0) : 0), 0);
  const shares = {} as Record<MatchingFactor, number>;
  for (const f of MATCHING_FACTORS) shares[f] = total > 0 && asked[f] ? (Math.max(0, weights[f] ?? 0) / total) * 100 : 0;
  return shares;
}

function freshnessFactor(facts: CandidateFacts, context: ScoreContext): FactorOutcome {
  if (!facts.lastVerifiedAt) return { similarity: 0, detail: () => 'Profile never verified' };
  const months = Math.max(0, Math.floor((dayNumber(context.today) - dayNumber(facts.lastVerifiedAt)) / DAYS_PER_MONTH));
  const when = months === 0 ? 'this month' : months === 1 ? 'a month ago' : `${months} months ago`;
  return { similarity: freshnessSimilarity(months, context.staleAfterMonths), detail: () => `Profile verified ${when}` };
}

function loadFactor(facts: CandidateFacts, context: ScoreContext): FactorOutcome {
  const days = facts.lastUsedOn ? dayNumber(context.today) - dayNumber(facts.lastUsedOn) : null;
  const similarity = loadSimilarity(context.advocateUsed, context.advocateCap, days);
  const used = () => `${context.advocateUsed} of ${context.advocateCap} units used around the date`;
  if (!facts.lastUsedOn) return { similarity, detail: () => `Never used yet; ${used()}` };
  const last = days !== null && days < 0 ? `next use booked on ${facts.lastUsedOn}` : `last used ${facts.lastUsedOn}`;
  return { similarity, detail: () => `${used()}; ${last}` };
}

function trackRecordFactor(facts: CandidateFacts): FactorOutcome {
  const { asked, accepted, rated, metNeeds } = facts.history;
  if (asked === 0 && rated === 0) return { similarity: NEUTRAL_TRACK_RECORD, detail: () => 'No history yet (neutral)' };
  const rates: number[] = [];
  const says: string[] = [];
  if (asked > 0) {
    rates.push(smoothedRate(accepted, asked));
    says.push(`accepted ${accepted} of ${asked} asks`);
  }
  if (rated > 0) {
    rates.push(smoothedRate(metNeeds, rated));
    says.push(`met the prospect’s needs in ${metNeeds} of ${rated} debriefs`);
  }
  const detail = says.join('; ');
  return { similarity: rates.reduce((a, b) => a + b, 0) / rates.length, detail: () => detail.charAt(0).toUpperCase() + detail.slice(1) };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One factor's similarity and why (a switch, not a closure per factor: ranking scores many candidates). */
function factorOutcome(factor: MatchingFactor, facts: CandidateFacts, request: MatchRequest, context: ScoreContext): FactorOutcome {
  const t = context.taxonomy;
  switch (factor) {
    case 'industry':
      return industryFactor(facts, request, t);
    case 'scale':
      return scaleFactor(facts, request, t);
    case 'geography':
      return geographyFactor(facts, request, t);
    case 'products':
      return productsFactor(facts, request, t);
    case 'persona':
      return personaFactor(facts, request, t);
    case 'topics':
      return topicsFactor(facts, request, t);
    case 'freshness':
      return freshnessFactor(facts, context);
    case 'load':
      return loadFactor(facts, context);
    case 'track_record':
      return trackRecordFactor(facts);
  }
}

/**
 * The 0–100 score of one advocate for one request, with every factor's contribution and a
 * line saying why. Nice-to-have (and must-have) criteria count in their factor: meeting one
 * gives that factor full marks.
 */
export function scoreCandidate(facts: CandidateFacts, request: MatchRequest, context: ScoreContext): { score: number; factors: FactorScore[] } {
  const shares = context.shares ?? factorShares(request, context.weights);
  const factors: FactorScore[] = [];
  let total = 0;
  const explain = context.explain !== false;
  for (const factor of MATCHING_FACTORS) {
    if (shares[factor] === 0 && !ALWAYS_SCORED.includes(factor)) continue;
    const outcome = factorOutcome(factor, facts, request, context);
    const points = shares[factor] * Math.min(1, Math.max(0, outcome.similarity));
    total += points;
    factors.push({ factor, label: FACTOR_LABELS[factor], contribution: round1(points), maximum: round1(shares[factor]), detail: explain ? outcome.detail() : '' });
  }
  return { score: Math.min(100, Math.max(0, Math.round(total))), factors };
}
