import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { requestCandidates, type RequestCandidateRow } from '../../db/schema/index.js';
import { invalidAskLink, resolveAskToken } from '../requests/ask-tokens.js';

/**
 * The candidate behind an advocate's signed ask link, through C1's token lookup (only the
 * token's SHA-256 is stored; unknown → 404, expired before any answer → 410). An answered
 * link stays valid: the same link later carries the advocate's debrief.
 */
export async function findAskCandidate(db: Executor, token: string, now: Date, options: { lock?: boolean } = {}): Promise<RequestCandidateRow> {
  const row = await resolveAskToken(db, token, now);
  const query = db.select().from(requestCandidates).where(eq(requestCandidates.id, row.candidateId));
  const [candidate] = options.lock ? await query.for('update') : await query;
  if (!candidate) throw invalidAskLink();
  return candidate;
}
