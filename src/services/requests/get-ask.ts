import { eq } from 'drizzle-orm';
import { requestCandidates, type RequestCandidateRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { loadAskContext, type AskContext } from './ask-context.js';
import { resolveAskToken } from './ask-tokens.js';

export interface AskView {
  /** open: waiting for the answer; answered: this link was used; closed: the request no longer needs an answer. */
  state: 'open' | 'answered' | 'closed';
  context: Omit<AskContext, 'advocate' | 'color'> & { advocateFirstName: string };
  candidate: Pick<RequestCandidateRow, 'status' | 'advocateRespondedAt' | 'advocateReason' | 'proposedDates' | 'scheduledAt' | 'durationMinutes'>;
  expiresAt: Date;
}

/** The ask page behind a signed link (public: the token is the credential). */
export async function getAsk(deps: ServiceDeps, token: string): Promise<AskView> {
  const link = await resolveAskToken(deps.db, token, deps.now());
  const [candidate] = await deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, link.candidateId)).limit(1);
  if (!candidate) throw notFound('This link');
  const { advocate, color: _color, ...context } = await loadAskContext(deps.db, candidate.id);
  return {
    state: link.answeredAt ? 'answered' : candidate.status === 'advocate_pending' ? 'open' : 'closed',
    context: { ...context, advocateFirstName: advocate.firstName },
    candidate: {
      status: candidate.status,
      advocateRespondedAt: candidate.advocateRespondedAt,
      advocateReason: candidate.advocateReason,
      proposedDates: candidate.proposedDates,
      scheduledAt: candidate.scheduledAt,
      durationMinutes: candidate.durationMinutes,
    },
    expiresAt: link.expiresAt,
  };
}
