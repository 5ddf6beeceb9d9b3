import { and, eq } from 'drizzle-orm';
import { opportunities, taxonomyValues, type OpportunityRow } from '../../db/schema/index.js';
import type { ProspectProfile, RequestCriteria } from '../../domain/requests/criteria.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput, notFound } from '../errors.js';
import { matchIndexFor } from './match-index/match-index.js';
import { matchCandidates, type MatchResult } from './match-candidates.js';

export interface PreviewMatchesInput {
  activityTypeKey: string;
  neededBy: string;
  prospect: ProspectProfile;
  criteria: RequestCriteria;
  topicKeys: string[];
  opportunityId?: string | null;
  /** How many references are needed: fewer passing advocates bring relaxations. */
  needed: number;
  limit: number;
}

/**
 * Matches for a request being written, before it exists. With an opportunity, its competitors
 * are excluded and so are the advocates already used on it; `check` authorizes the opportunity
 * (object level) once it is loaded.
 */
export async function previewMatches(deps: ServiceDeps, input: PreviewMatchesInput, check: (opportunity: OpportunityRow) => void): Promise<MatchResult> {
  const [type] = await deps.db
    .select({ key: taxonomyValues.key })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, 'activity_type'), eq(taxonomyValues.key, input.activityTypeKey)));
  if (!type) throw invalidInput([{ field: 'activityTypeKey', reason: 'is not an activity type of the taxonomy' }]);
  const today = deps.now().toISOString().slice(0, 10);
  if (input.neededBy < today) throw invalidInput([{ field: 'neededBy', reason: 'must be today or later' }]);
  let excludedAccountIds: string[] = [];
  if (input.opportunityId) {
    const [opportunity] = await deps.db.select().from(opportunities).where(eq(opportunities.id, input.opportunityId));
    if (!opportunity) throw notFound('The opportunity');
    check(opportunity);
    excludedAccountIds = opportunity.excludedAccountIds;
  }
  return matchCandidates(
    deps.db,
    {
      activityTypeKey: input.activityTypeKey,
      neededBy: input.neededBy,
      prospect: input.prospect,
      criteria: input.criteria,
      topicKeys: input.topicKeys,
      opportunityId: input.opportunityId ?? null,
      excludedAccountIds,
      excludeAdvocateIds: [],
      limit: input.limit,
    },
    { now: deps.now(), needed: input.needed, staleAfterMonths: deps.config.staleAfterMonths, index: matchIndexFor(deps.db) },
  );
}
