import { READINESS_FACT_LABELS, READINESS_FACTS, type ReadinessFact, type ReadinessGate } from './program-policy.js';

/**
 * Is a deal ready for a reference (DESIGN §3)? Pure: the opportunity's stage and facts against
 * the activity type's gate. A request that is not ready is blocked with every gap in plain
 * words and what the seller can do meanwhile, so no advocate's time is spent too early.
 */
export interface OpportunityReadiness {
  stageKey: string;
  decisionMakerBuyIn: boolean;
  technicalApproval: boolean;
  budgetConfirmed: boolean;
  finalist: boolean;
}
export interface StageRef {
  key: string;
  label: string;
  position: number;
}
export type ReadinessGap =
  | { kind: 'stage'; requiredStageKey: string; requiredStageLabel: string; currentStageLabel: string; message: string }
  | { kind: 'fact'; fact: ReadinessFact; message: string };
export interface ReadinessResult {
  ready: boolean;
  gaps: ReadinessGap[];
  /** What to do meanwhile: ways to help the deal that cost no advocate's time. */
  meanwhile: string[];
}
export interface ReadinessOptions {
  /** How the activity reads in a sentence, e.g. "A reference call". Default "This kind of reference". */
  activityLabel?: string;
}

const FACT_OF: Record<ReadinessFact, keyof Omit<OpportunityReadiness, 'stageKey'>> = {
  decision_maker_buy_in: 'decisionMakerBuyIn',
  technical_approval: 'technicalApproval',
  budget_confirmed: 'budgetConfirmed',
  finalist: 'finalist',
};

const FACT_NEED: Record<ReadinessFact, { needs: string; when: string }> = {
  decision_maker_buy_in: { needs: 'the decision-maker to back the project', when: 'once the decision-maker supports going ahead' },
  technical_approval: { needs: 'the technical evaluation to be approved', when: "once the prospect's technical team has signed off" },
  budget_confirmed: { needs: 'a confirmed budget', when: 'once the prospect confirms the money is set aside' },
  finalist: { needs: 'you to be shortlisted as a finalist', when: 'once the prospect names you on their shortlist' },
};

const FACT_MEANWHILE: Record<ReadinessFact, string> = {
  decision_maker_buy_in: 'Give your champion an executive brief or an ROI summary from a similar customer to forward to the decision-maker.',
  technical_approval: 'Offer a technical deep-dive or a proof of concept with your own solution engineers.',
  budget_confirmed: 'Share a business case or ROI calculator built on published customer results.',
  finalist: 'Share the case studies and customer stories that set you apart from the other vendors.',
};

const ALWAYS_MEANWHILE = [
  'Point the prospect to your reviews on the peer review site (for example G2, TrustRadius or Gartner Peer Insights): independent, and no advocate’s time needed.',
  'Send a recorded customer video that speaks to their use case.',
];

/** Stage-appropriate content: early deals get stories, later deals get proof. */
function stageContent(current: StageRef | undefined, stages: StageRef[]): string {
  const positions = stages.map((s) => s.position);
  const first = Math.min(...positions);
  const last = Math.max(...positions);
  const early = !current || last === first || (current.position - first) / (last - first) < 0.5;
  return early
    ? 'Share stage-appropriate content: customer stories and case studies from companies like theirs.'
    : 'Share stage-appropriate content: published case studies with measured results, and the customer proof in your proposal.';
}

export function evaluateReadiness(
  opportunity: OpportunityReadiness | null,
  gate: ReadinessGate,
  stages: StageRef[],
  options: ReadinessOptions = {},
): ReadinessResult {
  // Marketing requests have no deal to gate.
  if (!opportunity) return { ready: true, gaps: [], meanwhile: [] };
  const activity = options.activityLabel ?? 'This kind of reference';
  const gaps: ReadinessGap[] = [];
  const current = stages.find((s) => s.key === opportunity.stageKey);

  if (gate.minStageKey) {
    const required = stages.find((s) => s.key === gate.minStageKey);
    // A gate naming a stage that no longer exists cannot be checked; the settings page flags it.
    if (required && (!current || current.position < required.position)) {
      const currentLabel = current?.label ?? opportunity.stageKey;
      const message = current
        ? `The deal is at ${current.label}; ${lower(activity)} is only arranged from ${required.label} on. Move the opportunity to ${required.label} when the deal gets there.`
        : `The deal's stage "${opportunity.stageKey}" is no longer in the pipeline. Pick its current stage on the opportunity; ${lower(activity)} is only arranged from ${required.label} on.`;
      gaps.push({ kind: 'stage', requiredStageKey: required.key, requiredStageLabel: required.label, currentStageLabel: currentLabel, message });
    }
  }

  for (const fact of READINESS_FACTS) {
    if (!gate.requiredFacts.includes(fact) || opportunity[FACT_OF[fact]]) continue;
    const { needs, when } = FACT_NEED[fact];
    gaps.push({
      kind: 'fact',
      fact,
      message: `${activity} needs ${needs}, and the opportunity does not say so yet. Tick “${READINESS_FACT_LABELS[fact]}” on the opportunity ${when}.`,
    });
  }

  if (gaps.length === 0) return { ready: true, gaps, meanwhile: [] };
  const meanwhile = [stageContent(current, stages), ...gaps.flatMap((g) => (g.kind === 'fact' ? [FACT_MEANWHILE[g.fact]] : [])), ...ALWAYS_MEANWHILE];
  return { ready: false, gaps, meanwhile: [...new Set(meanwhile)] };
}

function lower(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
