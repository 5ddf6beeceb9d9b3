import type { Tx } from '../../db/client.js';
import type { ReferenceRequestRow } from '../../db/schema/index.js';
import { matchCandidates, type MatchResult } from '../matching/match-candidates.js';
import { matchRequestOf } from './check-picks.js';

export type RequestMatches = MatchResult;

/** Matching for a request as it stands, leaving out the advocates already tried. */
export async function findMatches(
  tx: Tx,
  request: ReferenceRequestRow,
  excludeAdvocateIds: string[],
  needed: number,
  now: Date,
  staleAfterMonths: number,
): Promise<RequestMatches> {
  const match = await matchRequestOf(tx, request);
  return matchCandidates(tx, { ...match, excludeAdvocateIds, limit: 20 }, { now, needed, staleAfterMonths });
}
