import type { Criterion } from '../requests/criteria.js';
import { criterionValues, describeCriterion, labelOf } from './criteria-match.js';
import type { HardRule } from './hard-rules.js';
import type { MatchTaxonomy } from './types.js';

/** How many more advocates would pass if one rule (or one must-have) alone were relaxed. */
export interface RelaxationCount {
  rule: HardRule;
  /** For must_have: the criterion. */
  criterion?: Criterion;
  extraCandidates: number;
  /**
   * A gentler relaxation: a country must-have widened to its regions, an industry to its
   * sectors; `values` are region names or sector keys.
   */
  widened?: { values: string[]; extraCandidates: number };
}

export interface Relaxation {
  /** The rule, or `must_have:<criterion kind>`. */
  kind: string;
  label: string;
  extraCandidates: number;
  suggestion: string;
}

export interface RelaxationContext {
  taxonomy: MatchTaxonomy;
  /** "reference calls" */
  activityNoun: string;
  neededBy: string;
  restDays: number;
  /** Why the restricted accounts among the extra candidates are restricted. */
  restrictionReasons: string[];
  /** Advocates passing every rule now. */
  passingCount: number;
}

const advocates = (n: number) => (n === 1 ? '1 advocate' : `${n} advocates`);
const words = (values: string[]) => (values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`);

function mustHaveSuggestion(count: RelaxationCount, criterion: Criterion, context: RelaxationContext): string {
  const wanted = criterionValues(criterion, context.taxonomy);
  const widened = count.widened;
  if (widened && widened.extraCandidates > 0) {
    const wider = criterion.kind === 'industry' ? words(widened.values.map((v) => labelOf(context.taxonomy, 'industry', v))) : words(widened.values);
    const noun = criterion.kind === 'industry' ? 'sector' : 'region';
    const now = context.passingCount === 0 ? `No match in ${wanted}` : `Only ${context.passingCount} in ${wanted}`;
    return `${now}; ${widened.extraCandidates} more in ${wider}: ask for the ${noun} instead.`;
  }
  const more = count.extraCandidates === 1 ? '1 more advocate' : `${count.extraCandidates} more advocates`;
  return `Make ${describeCriterion(criterion, context.taxonomy)} a nice-to-have: ${more} would qualify.`;
}

function ruleSuggestion(count: RelaxationCount, context: RelaxationContext): { label: string; suggestion: string } {
  const n = advocates(count.extraCandidates);
  switch (count.rule) {
    case 'willing':
      return { label: `Willing to do ${context.activityNoun}`, suggestion: `${n} said no to ${context.activityNoun}; another kind of activity (a quote, a peer review) may suit them.` };
    case 'available':
      return { label: `Available until ${context.neededBy}`, suggestion: `${n} ${count.extraCandidates === 1 ? 'is' : 'are'} away before ${context.neededBy}; a later needed-by date may find them free.` };
    case 'advocate_cap':
      return { label: 'Under the advocate’s cap', suggestion: `${n} reached their personal cap; a later date frees capacity, or an admin may raise a cap.` };
    case 'account_cap':
      return { label: 'Under the account’s cap', suggestion: `${n} work at accounts that reached their cap; a later date frees capacity, or an admin may raise the account’s cap.` };
    case 'rest_period':
      return { label: 'Rested since the last use', suggestion: `${n} helped within the last ${context.restDays} days; a date further from their last use would work.` };
    case 'referenceable': {
      const reasons = context.restrictionReasons.length ? ` (${[...new Set(context.restrictionReasons)].slice(0, 3).join('; ')})` : '';
      return { label: 'Account referenceable', suggestion: `${n} at restricted accounts${reasons}; their relationship owner may make an exception.` };
    }
    case 'not_competitor':
      return { label: 'Not at a competitor of the prospect', suggestion: `${n} work at accounts that compete with the prospect; not advisable.` };
    case 'not_used_on_opportunity':
      return { label: 'Not already used on this opportunity', suggestion: `${n} already helped on this opportunity; the prospect may welcome a second conversation.` };
    case 'active':
      return { label: 'Active advocate', suggestion: `${n} are not active; the program team may reactivate them.` };
    case 'must_have':
      return { label: 'Must-have criteria', suggestion: `${n} miss a must-have.` };
  }
}

/**
 * The relaxations worth offering when too few advocates pass: each rule or must-have that,
 * relaxed alone, would yield more candidates, with a suggestion in words; the most
 * productive first.
 */
export function describeRelaxations(counts: RelaxationCount[], context: RelaxationContext): Relaxation[] {
  return counts
    .filter((c) => c.extraCandidates > 0 || (c.widened?.extraCandidates ?? 0) > 0)
    .map((c): Relaxation => {
      if (c.rule === 'must_have' && c.criterion) {
        return {
          kind: `must_have:${c.criterion.kind}`,
          label: `Must have: ${describeCriterion(c.criterion, context.taxonomy)}`,
          extraCandidates: c.extraCandidates,
          suggestion: mustHaveSuggestion(c, c.criterion, context),
        };
      }
      return { kind: c.rule, extraCandidates: c.extraCandidates, ...ruleSuggestion(c, context) };
    })
    .sort((a, b) => b.extraCandidates - a.extraCandidates || a.kind.localeCompare(b.kind));
}
