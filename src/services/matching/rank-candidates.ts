import type { Executor } from '../../db/client.js';
import type { HardRuleContext } from '../../domain/matching/hard-rules.js';
import { compareMatches } from '../../domain/matching/ranking.js';
import { scoreCandidate, type FactorScore } from '../../domain/matching/score.js';
import type { MatchRequest } from '../../domain/matching/types.js';
import type { MatchingFactor } from '../../domain/requests/program-policy.js';
import type { CandidateMatch, Examined } from './match-candidates.js';
import { loadHistory } from './match-facts.js';

/**
 * The best `limit`, exactly: everyone is scored with a neutral track record first; history can
 * move a score by at most half the track record's share (plus rounding), so only those who could
 * still reach the top need their history loaded and their score redone.
 */
export async function rankWithHistory(
  db: Executor,
  passing: Examined[],
  request: MatchRequest,
  context: ScoreInputs,
  limit: number,
): Promise<CandidateMatch[]> {
  const quick = { ...context, explain: false };
  const first = passing.map((e) => ({ e, c: toCandidate(e, request, quick) })).sort((a, b) => compareMatches(a.c, b.c));
  const kth = first[Math.min(limit, first.length) - 1]?.c.score ?? 0;
  const shortlist = first.filter((x) => x.c.score >= kth - context.shares.track_record - 1);
  const history = await loadHistory(db, shortlist.map((x) => x.e.facts.advocateId));
  const withHistory = shortlist.map((x) => {
    const found = history.get(x.e.facts.advocateId);
    return found ? { ...x.e, facts: { ...x.e.facts, history: found } } : x.e;
  });
  const ranked = withHistory.map((e) => ({ e, c: toCandidate(e, request, quick) })).sort((a, b) => compareMatches(a.c, b.c));
  // Explanations only for the page.
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
