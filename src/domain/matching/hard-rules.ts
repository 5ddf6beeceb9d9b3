import { evaluateCapacity, type CapacityResult } from '../requests/caps.js';
import { criterionMet, describeCriterion } from './criteria-match.js';
import type { CandidateFacts, MatchCaps, MatchRequest, MatchTaxonomy, Willingness } from './types.js';

/** The hard rules of DESIGN §4: never broken silently, each reported by name. */
export const HARD_RULES = [
  'active',
  'willing',
  'available',
  'advocate_cap',
  'account_cap',
  'rest_period',
  'referenceable',
  'not_competitor',
  'not_used_on_opportunity',
  'must_have',
] as const;
export type HardRule = (typeof HARD_RULES)[number];

/** Rules about capacity, checked on the advocate's and account's uses near the date. */
export const CAPACITY_RULES: readonly HardRule[] = ['advocate_cap', 'account_cap', 'rest_period'];

export interface RuleCheck {
  rule: HardRule;
  /** For must_have: the criterion's position in the request's criteria. */
  criterionIndex?: number;
  passed: boolean;
  label: string;
  detail: string;
}

export interface HardRuleContext {
  /** Today, 'YYYY-MM-DD': the availability window runs from today to the needed-by date. */
  today: string;
  caps: MatchCaps;
  /** The weight this activity counts against caps. */
  weight: number;
  /** The activity type in words, plural and lower case: "reference calls". */
  activityNoun: string;
  taxonomy: MatchTaxonomy;
}

export interface HardRuleResult {
  passed: boolean;
  checks: RuleCheck[];
  capacity: CapacityResult;
  willingness: Willingness;
}

/** Blackouts that overlap [from, to] (inclusive dates). */
export function overlappingBlackouts(blackouts: CandidateFacts['blackouts'], from: string, to: string): CandidateFacts['blackouts'] {
  return blackouts.filter((b) => b.startsOn <= to && b.endsOn >= from);
}

function willingnessCheck(willingness: Willingness, noun: string): RuleCheck {
  const detail = { yes: `Said yes to ${noun}`, ask_first: `Wants to be asked first for ${noun}`, no: `Said no to ${noun}` }[willingness];
  return { rule: 'willing', passed: willingness !== 'no', label: `Willing to do ${noun}`, detail };
}

function referenceCheck(account: CandidateFacts['account']): RuleCheck {
  const label = 'Account referenceable';
  if (account.referenceStatus === 'referenceable') return { rule: 'referenceable', passed: true, label, detail: 'The account may be used as a reference' };
  const detail =
    account.referenceStatus === 'restricted'
      ? `The account is restricted${account.restrictionReason ? `: ${account.restrictionReason}` : ''}`
      : 'The account is not referenceable';
  return { rule: 'referenceable', passed: false, label, detail };
}

function capacityChecks(capacity: CapacityResult, caps: MatchCaps, advocateCap: number, accountCap: number): RuleCheck[] {
  const problem = (rule: HardRule) => capacity.problems.find((p) => p.rule === rule);
  const check = (rule: HardRule, label: string, fine: string): RuleCheck => {
    const found = problem(rule);
    return { rule, passed: !found, label, detail: found ? found.message : fine };
  };
  return [
    check('advocate_cap', 'Under the advocate’s cap', `${capacity.advocateUsed} of ${advocateCap} units used in ${caps.windowDays} days`),
    check('account_cap', 'Under the account’s cap', `${capacity.accountUsed} of ${accountCap} units used in ${caps.windowDays} days`),
    check('rest_period', 'Rested since the last use', `No other use within ${caps.restDays} days`),
  ];
}

/**
 * Every hard rule for one advocate and one request, each with its outcome in words. All rules
 * are checked (not only up to the first failure) so relaxations can count "fails only this".
 */
export function evaluateHardRules(facts: CandidateFacts, request: MatchRequest, context: HardRuleContext): HardRuleResult {
  const willingness: Willingness = facts.willingness[request.activityTypeKey] ?? 'ask_first';
  const away = overlappingBlackouts(facts.blackouts, context.today, request.neededBy);
  const advocateCap = facts.personalCap ?? context.caps.advocateUnits;
  const accountCap = facts.account.usageCap ?? context.caps.accountUnits;
  const capacity = evaluateCapacity({
    advocateUses: facts.advocateUses,
    accountUses: facts.accountUses,
    advocateCap,
    accountCap,
    windowDays: context.caps.windowDays,
    restDays: context.caps.restDays,
    on: request.neededBy,
    weight: context.weight,
  });
  const checks: RuleCheck[] = [
    { rule: 'active', passed: facts.status === 'active', label: 'Active advocate', detail: facts.status === 'active' ? 'Active' : `Status: ${facts.status.replace(/_/g, ' ')}` },
    willingnessCheck(willingness, context.activityNoun),
    {
      rule: 'available',
      passed: away.length === 0,
      label: `Available until ${request.neededBy}`,
      detail: away.length ? away.map((b) => `Away ${b.startsOn} to ${b.endsOn}${b.reason ? ` (${b.reason})` : ''}`).join('; ') : 'No blackout before the needed-by date',
    },
    ...capacityChecks(capacity, context.caps, advocateCap, accountCap),
    referenceCheck(facts.account),
    {
      rule: 'not_competitor',
      passed: !request.excludedAccountIds.includes(facts.accountId),
      label: 'Not at a competitor of the prospect',
      detail: request.excludedAccountIds.includes(facts.accountId) ? 'The account competes with the prospect' : 'The account does not compete with the prospect',
    },
    {
      rule: 'not_used_on_opportunity',
      passed: !facts.usedOnOpportunity,
      label: 'Not already used on this opportunity',
      detail: facts.usedOnOpportunity ? 'Already used or asked on this opportunity' : 'Not yet used on this opportunity',
    },
    ...request.criteria.flatMap((criterion, criterionIndex): RuleCheck[] => {
      if (!criterion.mustHave || criterion.values.length === 0) return [];
      const met = criterionMet(criterion, facts, context.taxonomy);
      const wanted = describeCriterion(criterion, context.taxonomy);
      return [{ rule: 'must_have', criterionIndex, passed: met, label: `Must have: ${wanted}`, detail: met ? `Has ${wanted}` : `Does not have ${wanted}` }];
    }),
  ];
  return { passed: checks.every((c) => c.passed), checks, capacity, willingness };
}
