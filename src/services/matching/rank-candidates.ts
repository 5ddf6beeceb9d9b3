import type { HardRuleContext } from '../../domain/matching/hard-rules.js';
import { compareMatches } from '../../domain/matching/ranking.js';
import { scoreCandidate, type FactorScore } from '../../domain/matching/score.js';
import type { MatchRequest } from '../../domain/matching/types.js';
import type { MatchingFactor } from '../../domain/requests/program-policy.js';
import type { CandidateMatch, Examined } from './match-candidates.js';

/**
 * The best `limit`, explanations only for them: everyone is scored without one first (details
 * carry the track record, so nothing more is read).
 */
export function rankCandidates(passing: Examined[], request: MatchRequest, context: ScoreInputs, limit: number): CandidateMatch[] {
  const quick = { ...context, explain: false };
  const ranked = passing.map((e) => ({ e, c: toCandidate(e, request, quick) })).sort((a, b) => compareMatches(a.c, b.c));
  return ranked.slice(0, limit).map((x) => toCandidate(x.e, request, context));
}

export interface ScoreInputs {
  today: string;
  weights: Partial<Record<MatchingFactor, number>>;
  shares: Record<MatchingFactor, number>;
  staleAfterMonths: number;
  windowDays: number;
  dict: HardRuleContext['taxonomy'];
  explain?: boolean;
}

function toCandidate(e: Examined, request: MatchRequest, c: ScoreInputs): CandidateMatch {
  const { score, factors } = scoreCandidate(e.facts, request, {
    today: c.today,
    weights: c.weights,
    shares: c.shares,
    explain: c.explain,
    taxonomy: c.dict,
    advocateUsed: e.advocateUsed,
    advocateCap: e.advocateCap,
    windowDays: c.windowDays,
    staleAfterMonths: c.staleAfterMonths,
  });
  const f = e.facts;
  return {
    advocateId: f.advocateId,
    accountId: f.accountId,
    score,
    factors: factors.map((x: FactorScore) => ({ factor: x.factor, label: x.label, contribution: x.contribution, maximum: x.maximum, detail: x.detail })),
    rules: e.checks.map((x) => ({ rule: x.rule, label: x.label, detail: x.detail })),
    lastUsedOn: f.lastUsedOn,
    willingness: e.willingness === 'yes' ? 'yes' : 'ask_first',
    name: `${e.display.firstName} ${e.display.lastName}`,
    firstName: e.display.firstName,
    lastName: e.display.lastName,
    title: e.display.title,
    accountName: e.display.accountName,
    accountOwnerUserId: e.display.accountOwnerUserId,
    industryKey: f.account.industryKey,
    employeeCount: f.account.employeeCount,
    seniorityKey: f.seniorityKey,
    functionKey: f.functionKey,
    orientation: f.orientation,
    country: f.country,
    timeZone: e.display.timeZone,
    languageKeys: f.languageKeys,
    topicKeys: f.topicKeys,
    productKeys: f.productKeys,
    useCaseKeys: f.useCaseKeys,
    lastVerifiedAt: f.lastVerifiedAt,
    capacity: { advocateUsed: e.advocateUsed, advocateCap: e.advocateCap, accountUsed: e.accountUsed, accountCap: e.accountCap },
  };
}
