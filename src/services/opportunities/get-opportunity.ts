import { and, asc, eq, isNull } from 'drizzle-orm';
import { opportunities, taxonomyValues } from '../../db/schema/index.js';
import { readinessGateFor } from '../../domain/requests/program-policy.js';
import { evaluateReadiness, type ReadinessGap } from '../../domain/requests/readiness.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { loadStageRefs } from '../pipeline-stages/list-pipeline-stages.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { withRefsOne, type OpportunityWithRefs } from './opportunity-fields.js';

export interface ActivityReadiness {
  activityTypeKey: string;
  label: string;
  ready: boolean;
  gaps: ReadinessGap[];
}

export interface OpportunityDetail extends OpportunityWithRefs {
  /** Is the deal ready for each kind of reference sellers ask for (DESIGN §3)? */
  readiness: ActivityReadiness[];
  meanwhile: string[];
}

/** "A reference call", "An investor reference". */
export function withArticle(label: string): string {
  const lower = label.toLowerCase();
  return `${/^[aeiou]/.test(lower) ? 'An' : 'A'} ${lower}`;
}

/**
 * One opportunity with its readiness for the activity types sellers ask for (the types whose
 * teams include sales, and any type the policy gives its own gate). `check` is the object-level
 * policy, run on the row before anything else is read.
 */
export async function getOpportunity(deps: ServiceDeps, id: string, check: (row: typeof opportunities.$inferSelect) => void): Promise<OpportunityDetail> {
  const [row] = await deps.db.select().from(opportunities).where(eq(opportunities.id, id)).limit(1);
  if (!row) throw notFound('The opportunity');
  check(row);
  const [withRefs, policy, stages, types] = await Promise.all([
    withRefsOne(deps.db, row),
    getProgramPolicy(deps.db),
    loadStageRefs(deps.db),
    deps.db
      .select({ key: taxonomyValues.key, label: taxonomyValues.label, attributes: taxonomyValues.attributes })
      .from(taxonomyValues)
      .where(and(eq(taxonomyValues.facet, 'activity_type'), isNull(taxonomyValues.retiredAt)))
      .orderBy(asc(taxonomyValues.sortOrder)),
  ]);
  const forSales = types.filter((t) => {
    const teams = t.attributes.teams;
    return (Array.isArray(teams) && teams.includes('sales')) || t.key in policy.readiness;
  });
  const meanwhile = new Set<string>();
  const readiness = forSales.map((type) => {
    const result = evaluateReadiness(row, readinessGateFor(policy, type.key), stages, { activityLabel: withArticle(type.label) });
    for (const m of result.meanwhile) meanwhile.add(m);
    return { activityTypeKey: type.key, label: type.label, ready: result.ready, gaps: result.gaps };
  });
  return { ...withRefs, readiness, meanwhile: [...meanwhile] };
}
