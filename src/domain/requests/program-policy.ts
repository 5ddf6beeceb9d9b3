import { z } from 'zod';

/**
 * Program policies (admin settings): readiness gates, lead times, caps, matching weights and
 * who picks candidates, per activity type. Pure: the shape, its validation and the defaults.
 * Stored as one JSON document in `program_policies`; missing parts fall back to the defaults.
 */
export const READINESS_FACTS = ['decision_maker_buy_in', 'technical_approval', 'budget_confirmed', 'finalist'] as const;
export type ReadinessFact = (typeof READINESS_FACTS)[number];

export const READINESS_FACT_LABELS: Record<ReadinessFact, string> = {
  decision_maker_buy_in: 'Decision-maker buy-in',
  technical_approval: 'Technical approval',
  budget_confirmed: 'Budget confirmed',
  finalist: 'Shortlisted as a finalist',
};

export const SELECTION_MODES = ['seller_picks', 'program_proposes'] as const;
export type SelectionMode = (typeof SELECTION_MODES)[number];

export const MATCHING_FACTORS = ['industry', 'scale', 'geography', 'products', 'persona', 'topics', 'freshness', 'load', 'track_record'] as const;
export type MatchingFactor = (typeof MATCHING_FACTORS)[number];

const readinessGate = z.object({
  /** The opportunity must be at this pipeline stage or further; null = no stage minimum. */
  minStageKey: z.string().min(1).nullable(),
  requiredFacts: z.array(z.enum(READINESS_FACTS)),
});
export type ReadinessGate = z.infer<typeof readinessGate>;

const activityKey = z.string().min(1).max(80);

export const programPolicySchema = z.object({
  /** Gates per activity type; types without an entry use `defaultReadiness`. Only requests with an opportunity are gated. */
  readiness: z.record(activityKey, readinessGate),
  defaultReadiness: readinessGate,
  /** Minimum business days between submission and the needed-by date, per activity type. */
  leadTimeBusinessDays: z.record(activityKey, z.number().int().min(0).max(180)),
  defaultLeadTimeBusinessDays: z.number().int().min(0).max(180),
  caps: z.object({
    /** The rolling window caps are counted over, in days. */
    windowDays: z.number().int().min(7).max(730),
    /** Weighted units per advocate in the window (an advocate's personal cap overrides it). */
    advocateUnits: z.number().min(0.5).max(1000),
    /** Weighted units per account in the window (an account's usage cap overrides it). */
    accountUnits: z.number().min(0.5).max(10000),
    /** Days an advocate rests after each use before the next. */
    restDays: z.number().int().min(0).max(365),
  }),
  /** Overrides of the activity types' default weights (taxonomy attribute `weight`). */
  activityWeights: z.record(activityKey, z.number().min(0).max(100)),
  /** Relative weights of the score factors; the score scales them to 0–100. */
  matchingWeights: z.record(z.enum(MATCHING_FACTORS), z.number().min(0).max(100)),
  selectionMode: z.record(activityKey, z.enum(SELECTION_MODES)),
  defaultSelectionMode: z.enum(SELECTION_MODES),
  /** Business days a relationship owner has to answer an approval. */
  approvalDueBusinessDays: z.number().int().min(1).max(30),
  /** Business days an advocate's ask stays open before it counts as no answer. */
  askExpiryBusinessDays: z.number().int().min(1).max(60),
});
export type ProgramPolicy = z.infer<typeof programPolicySchema>;

export const DEFAULT_PIPELINE_STAGES = [
  { key: 'qualification', label: 'Qualification', description: 'First meetings: is there a need and a fit?' },
  { key: 'discovery', label: 'Discovery', description: 'Understanding the problem, the people and the process.' },
  { key: 'demonstration', label: 'Demonstration', description: 'Showing the product against their use cases.' },
  { key: 'evaluation', label: 'Technical evaluation', description: 'Proof of concept or technical validation.' },
  { key: 'proposal', label: 'Proposal', description: 'Commercial proposal sent; the shortlist is known.' },
  { key: 'negotiation', label: 'Negotiation', description: 'Terms, legal and procurement.' },
  { key: 'commit', label: 'Commit', description: 'Verbal yes; paperwork under way.' },
] as const;

export const DEFAULT_PROGRAM_POLICY: ProgramPolicy = {
  readiness: {
    reference_call: { minStageKey: 'evaluation', requiredFacts: ['decision_maker_buy_in'] },
    site_visit: { minStageKey: 'proposal', requiredFacts: ['decision_maker_buy_in', 'technical_approval', 'finalist'] },
    investor_reference: { minStageKey: 'proposal', requiredFacts: ['budget_confirmed'] },
    advisory_board: { minStageKey: null, requiredFacts: [] },
  },
  defaultReadiness: { minStageKey: 'evaluation', requiredFacts: [] },
  leadTimeBusinessDays: {
    reference_call: 5,
    site_visit: 15,
    case_study: 30,
    video_testimonial: 30,
    press_quote: 5,
    press_interview: 7,
    analyst_briefing: 10,
    speaking_engagement: 30,
    webinar: 20,
    peer_review: 5,
    advisory_board: 20,
    community_participation: 5,
    quote_or_logo_use: 10,
    investor_reference: 10,
  },
  defaultLeadTimeBusinessDays: 5,
  caps: { windowDays: 365, advocateUnits: 6, accountUnits: 15, restDays: 14 },
  activityWeights: {},
  matchingWeights: { industry: 20, scale: 10, geography: 12, products: 15, persona: 10, topics: 15, freshness: 6, load: 7, track_record: 5 },
  selectionMode: {
    reference_call: 'seller_picks',
    site_visit: 'program_proposes',
    case_study: 'program_proposes',
    video_testimonial: 'program_proposes',
    speaking_engagement: 'program_proposes',
    analyst_briefing: 'program_proposes',
    press_interview: 'program_proposes',
    advisory_board: 'program_proposes',
    investor_reference: 'program_proposes',
  },
  defaultSelectionMode: 'seller_picks',
  approvalDueBusinessDays: 2,
  askExpiryBusinessDays: 5,
};

const storedParts = {
  ...programPolicySchema.shape,
  caps: programPolicySchema.shape.caps.partial(),
  matchingWeights: z.partialRecord(z.enum(MATCHING_FACTORS), z.number().min(0).max(100)),
};

/**
 * The stored document merged over the defaults, part by part: a part that is missing or invalid
 * falls back to its default alone. Caps and matching weights may lack fields, which take their
 * defaults (a document stored before a factor existed keeps its weights and gets the new one's).
 */
export function resolveProgramPolicy(stored: unknown): ProgramPolicy {
  const doc: Record<string, unknown> = typeof stored === 'object' && stored !== null && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const part = <K extends keyof typeof storedParts>(key: K): z.infer<(typeof storedParts)[K]> | undefined => {
    const parsed = storedParts[key].safeParse(doc[key]);
    return parsed.success ? (parsed.data as z.infer<(typeof storedParts)[K]>) : undefined;
  };
  const d = DEFAULT_PROGRAM_POLICY;
  return {
    readiness: part('readiness') ?? d.readiness,
    defaultReadiness: part('defaultReadiness') ?? d.defaultReadiness,
    leadTimeBusinessDays: part('leadTimeBusinessDays') ?? d.leadTimeBusinessDays,
    defaultLeadTimeBusinessDays: part('defaultLeadTimeBusinessDays') ?? d.defaultLeadTimeBusinessDays,
    caps: { ...d.caps, ...part('caps') },
    activityWeights: part('activityWeights') ?? d.activityWeights,
    matchingWeights: { ...d.matchingWeights, ...part('matchingWeights') },
    selectionMode: part('selectionMode') ?? d.selectionMode,
    defaultSelectionMode: part('defaultSelectionMode') ?? d.defaultSelectionMode,
    approvalDueBusinessDays: part('approvalDueBusinessDays') ?? d.approvalDueBusinessDays,
    askExpiryBusinessDays: part('askExpiryBusinessDays') ?? d.askExpiryBusinessDays,
  };
}

export function readinessGateFor(policy: ProgramPolicy, activityTypeKey: string): ReadinessGate {
  return policy.readiness[activityTypeKey] ?? policy.defaultReadiness;
}
export function leadTimeFor(policy: ProgramPolicy, activityTypeKey: string): number {
  return policy.leadTimeBusinessDays[activityTypeKey] ?? policy.defaultLeadTimeBusinessDays;
}
export function selectionModeFor(policy: ProgramPolicy, activityTypeKey: string): SelectionMode {
  return policy.selectionMode[activityTypeKey] ?? policy.defaultSelectionMode;
}
/** An activity type's weight: the policy override, else the taxonomy default, else 1. */
export function activityWeightFor(policy: ProgramPolicy, activityTypeKey: string, taxonomyWeight: number | null | undefined): number {
  return policy.activityWeights[activityTypeKey] ?? taxonomyWeight ?? 1;
}
