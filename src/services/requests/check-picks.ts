import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { advocates, opportunities, type ReferenceRequestRow } from '../../db/schema/index.js';
import { countryLanguages } from '../../domain/matching/geography.js';
import { evaluateHardRules, type HardRuleContext } from '../../domain/matching/hard-rules.js';
import { scoreCandidate } from '../../domain/matching/score.js';
import type { MatchRequest } from '../../domain/matching/types.js';
import { toIsoDate } from '../../domain/requests/business-days.js';
import { activityWeightFor, type ProgramPolicy } from '../../domain/requests/program-policy.js';
import { loadMatchDictionary } from '../matching/match-dictionary.js';
import { loadCandidateFacts, loadUsedOnOpportunity } from '../matching/match-facts.js';

export interface PickFailure {
  rule: string;
  label: string;
  detail: string;
}

export interface PickMatch {
  factors: { factor: string; label: string; contribution: number; maximum: number; detail: string }[];
  lastUsedOn: string | null;
}

export type PickVerdict =
  | ({ ok: true; advocateId: string; accountId: string; name: string; score: number } & PickMatch)
  | { ok: false; advocateId: string; name: string; failures: PickFailure[] };

/** The request as matching sees it, with the competitors of its opportunity. */
export async function matchRequestOf(tx: Tx, request: ReferenceRequestRow): Promise<MatchRequest> {
  const [opportunity] = request.opportunityId
    ? await tx.select({ excludedAccountIds: opportunities.excludedAccountIds }).from(opportunities).where(eq(opportunities.id, request.opportunityId))
    : [];
  return {
    activityTypeKey: request.activityTypeKey,
    neededBy: request.neededBy,
    prospect: request.prospect,
    criteria: request.criteria,
    topicKeys: request.topicKeys,
    opportunityId: request.opportunityId,
    excludedAccountIds: opportunity?.excludedAccountIds ?? [],
  };
}

/**
 * Re-checks picked advocates against matching's hard rules on the server (the same rules and
 * score as src/domain/matching), in the order given: each passes with its score and
 * explanation, or fails with every rule it breaks named. A pick is never let through silently.
 */
export async function checkPicks(
  tx: Tx,
  request: ReferenceRequestRow,
  advocateIds: string[],
  policy: ProgramPolicy,
  now: Date,
  staleAfterMonths: number,
): Promise<PickVerdict[]> {
  if (advocateIds.length === 0) return [];
  const today = toIsoDate(now);
  const match = await matchRequestOf(tx, request);
  const languages = [...countryLanguages(match.prospect.country), ...match.criteria.filter((c) => c.kind === 'language').flatMap((c) => c.values)];
  const dict = await loadMatchDictionary(tx, match.activityTypeKey, languages);
  const used = await loadUsedOnOpportunity(tx, match.opportunityId);
  const context: HardRuleContext = {
    today,
    caps: policy.caps,
    weight: activityWeightFor(policy, match.activityTypeKey, dict.activityWeight),
    activityNoun: dict.activityNoun,
    taxonomy: dict.taxonomy,
  };
  const rows = await tx.select({ advocateId: advocates.id, accountId: advocates.accountId }).from(advocates).where(inArray(advocates.id, advocateIds));
  const loaded = await loadCandidateFacts(tx, rows, { on: match.neededBy, span: Math.max(policy.caps.windowDays, policy.caps.restDays), usedOnOpportunity: new Set(used) });
  const byId = new Map(loaded.map((l) => [l.facts.advocateId, l]));
  return advocateIds.map((id): PickVerdict => {
    const found = byId.get(id);
    if (!found) return { ok: false, advocateId: id, name: 'Unknown advocate', failures: [{ rule: 'exists', label: 'An existing advocate', detail: 'No such advocate' }] };
    const { facts, display } = found;
    const name = `${display.firstName} ${display.lastName}`;
    const result = evaluateHardRules(facts, match, context);
    if (!result.passed) {
      return { ok: false, advocateId: id, name, failures: result.checks.filter((c) => !c.passed).map((c) => ({ rule: c.rule, label: c.label, detail: c.detail })) };
    }
    const { score, factors } = scoreCandidate(facts, match, {
      today,
      weights: policy.matchingWeights,
      taxonomy: dict.taxonomy,
      advocateUsed: result.capacity.advocateUsed,
      advocateCap: facts.personalCap ?? policy.caps.advocateUnits,
      windowDays: policy.caps.windowDays,
      staleAfterMonths,
    });
    return {
      ok: true,
      advocateId: id,
      accountId: facts.accountId,
      name,
      score,
      factors: factors.map((f) => ({ factor: f.factor, label: f.label, contribution: f.contribution, maximum: f.maximum, detail: f.detail })),
      lastUsedOn: facts.lastUsedOn,
    };
  });
}
