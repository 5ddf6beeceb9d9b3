import { eq } from 'drizzle-orm';
import { advocates, requestCandidates } from '../../db/schema/index.js';
import { portalPolicy } from '../../policies/portal.js';
import type { ServiceDeps } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { answerCandidateAsk, type AskAnswer } from '../requests/answer-ask.js';

/**
 * The signed-in advocate answers one of their asks from the portal: the same use case as the
 * signed link, after the portal's access check (another advocate's candidate is not found).
 */
export async function answerPortalAsk(deps: ServiceDeps, advocateId: string, candidateId: string, answer: AskAnswer): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [candidate] = await tx.select({ advocateId: requestCandidates.advocateId }).from(requestCandidates).where(eq(requestCandidates.id, candidateId)).limit(1);
    if (!candidate || !portalPolicy.ownsCandidate({ advocateId }, candidate)) throw notFound('The ask');
    const [advocate] = await tx.select({ status: advocates.status }).from(advocates).where(eq(advocates.id, advocateId)).limit(1);
    if (!advocate || !portalPolicy.canAct(advocate.status)) throw conflict('You have withdrawn from the program, so you no longer answer asks.');
    await answerCandidateAsk(deps, tx, candidateId, answer, deps.now());
  });
}
