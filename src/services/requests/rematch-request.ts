import { eq } from 'drizzle-orm';
import { requestCandidates } from '../../db/schema/index.js';
import { LIVE_CANDIDATE_STATUSES, SECURED_CANDIDATE_STATUSES } from '../../domain/requests/request-states.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { matchIndexFor } from '../matching/match-index/match-index.js';
import { findMatches, type RequestMatches } from './find-matches.js';
import { lockRequest } from './load-request.js';
import { proposeLockedCandidates } from './propose-candidates.js';
import { recordRequestEvent } from './record-request-event.js';

/**
 * Matches a request again, leaving out every advocate already tried (the timeline keeps what
 * was learned), and proposes the best `propose` of them at once when asked.
 */
export async function rematchRequest(deps: ServiceDeps, actor: Actor, id: string, propose: number): Promise<RequestMatches> {
  return deps.db.transaction(async (tx) => {
    const request = await lockRequest(tx, id);
    if (request.status !== 'matching' && request.status !== 'in_progress') {
      throw conflict(`The request is ${request.status}: only requests in matching or in progress are re-matched.`);
    }
    const policy = await getProgramPolicy(tx);
    const candidates = await tx.select({ advocateId: requestCandidates.advocateId, status: requestCandidates.status }).from(requestCandidates).where(eq(requestCandidates.requestId, id));
    const inPlay = candidates.filter((c) => LIVE_CANDIDATE_STATUSES.includes(c.status) || SECURED_CANDIDATE_STATUSES.includes(c.status)).length;
    const needed = Math.max(1, request.referencesNeeded - inPlay);
    const matches = await findMatches(tx, request, candidates.map((c) => c.advocateId), needed, deps.now(), deps.config.staleAfterMonths, matchIndexFor(deps.db));
    const now = deps.now();
    await recordRequestEvent(tx, {
      requestId: id,
      actor,
      kind: 'rematched',
      data: { excluded: candidates.length, passing: matches.passingCount, proposed: Math.min(propose, matches.candidates.length) },
      at: now,
    });
    if (propose > 0 && matches.candidates.length > 0) {
      await proposeLockedCandidates(tx, deps, actor, request, matches.candidates.slice(0, propose).map((c) => c.advocateId), policy);
    }
    return matches;
  });
}
