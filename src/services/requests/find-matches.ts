import type { Tx } from '../../db/client.js';
import type { ReferenceRequestRow } from '../../db/schema/index.js';
import { triedAdvocateIds } from '../debriefs/redo-activity.js';
import { matchCandidates, type MatchResult } from '../matching/match-candidates.js';
import type { MatchIndex } from '../matching/match-index/match-index.js';
import { matchRequestOf } from './check-picks.js';

export type RequestMatches = MatchResult;

/**
 * Matching for a request as it stands, leaving out the advocates already tried, on this
 * request and, for a redo, on every request it redoes.
 */
export async function findMatches(
  tx: Tx,
  request: ReferenceRequestRow,
  excludeAdvocateIds: string[],
  needed: number,
  now: Date,
  staleAfterMonths: number,
  index: MatchIndex | null = null,
): Promise<RequestMatches> {
  const match = await matchRequestOf(tx, request);
  const tried = request.redoOfRequestId ? await triedAdvocateIds(tx, request.id) : [];
  const exclude = [...new Set([...excludeAdvocateIds, ...tried])];
  return matchCandidates(tx, { ...match, excludeAdvocateIds: exclude, limit: 20 }, { now, needed, staleAfterMonths, index });
}
