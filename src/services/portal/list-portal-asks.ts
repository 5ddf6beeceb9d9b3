import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { referenceRequests, requestCandidates, type RequestCandidateRow } from '../../db/schema/index.js';
import type { CandidateStatus } from '../../domain/requests/request-states.js';
import type { ServiceDeps } from '../context.js';
import { loadAskContext, type AskContext } from '../requests/ask-context.js';

/** Asks the portal shows: waiting for the advocate, waiting for the requester, and coming up. */
export const PORTAL_ASK_STATUSES: readonly CandidateStatus[] = ['advocate_pending', 'dates_proposed', 'accepted', 'scheduled'];

export interface PortalAsk {
  candidate: Pick<RequestCandidateRow, 'id' | 'status' | 'askedAt' | 'askExpiresAt' | 'proposedDates' | 'scheduledAt' | 'durationMinutes' | 'advocateRespondedAt'>;
  /** What the ask page shows: who asks, for what, by when, which topics (nothing internal). */
  context: Omit<AskContext, 'advocate' | 'color'>;
}

/** The signed-in advocate's own open asks and coming conversations, those waiting for their answer first. */
export async function listPortalAsks(deps: ServiceDeps, advocateId: string): Promise<PortalAsk[]> {
  const rows = await deps.db
    .select({
      id: requestCandidates.id,
      status: requestCandidates.status,
      askedAt: requestCandidates.askedAt,
      askExpiresAt: requestCandidates.askExpiresAt,
      proposedDates: requestCandidates.proposedDates,
      scheduledAt: requestCandidates.scheduledAt,
      durationMinutes: requestCandidates.durationMinutes,
      advocateRespondedAt: requestCandidates.advocateRespondedAt,
    })
    .from(requestCandidates)
    .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
    .where(
      and(
        eq(requestCandidates.advocateId, advocateId),
        inArray(requestCandidates.status, [...PORTAL_ASK_STATUSES]),
        notInArray(referenceRequests.status, ['cancelled', 'closed', 'draft']),
      ),
    )
    .orderBy(asc(referenceRequests.neededBy), asc(requestCandidates.id))
    .limit(100);
  const now = deps.now().getTime();
  const live = rows.filter((r) => r.status !== 'advocate_pending' || !r.askExpiresAt || r.askExpiresAt.getTime() > now);
  const order = (s: CandidateStatus) => (s === 'advocate_pending' ? 0 : 1);
  live.sort((a, b) => order(a.status) - order(b.status));
  const asks: PortalAsk[] = [];
  for (const candidate of live) {
    const { advocate: _advocate, color: _color, ...context } = await loadAskContext(deps.db, candidate.id);
    asks.push({ candidate, context });
  }
  return asks;
}
