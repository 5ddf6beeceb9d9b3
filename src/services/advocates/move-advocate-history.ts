import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { activities, impactRecords, referenceRequests, requestCandidates, thankYous } from '../../db/schema/index.js';
import { conflict } from '../errors.js';

/**
 * Moves a duplicate advocate's history (activities, candidacies, thank-yous, impact) to the
 * survivor of a merge, so caps, last use and impact stay true. A request on which both are
 * candidates cannot hold the same person twice: the merge is refused until one is withdrawn.
 */
export async function moveAdvocateHistory(tx: Tx, fromAdvocateId: string, toAdvocateId: string): Promise<{ activities: number; candidates: number }> {
  const candidacies = await tx
    .select({ requestId: requestCandidates.requestId, advocateId: requestCandidates.advocateId, number: referenceRequests.number })
    .from(requestCandidates)
    .innerJoin(referenceRequests, eq(referenceRequests.id, requestCandidates.requestId))
    .where(inArray(requestCandidates.advocateId, [fromAdvocateId, toAdvocateId]));
  const survivorRequests = new Set(candidacies.filter((c) => c.advocateId === toAdvocateId).map((c) => c.requestId));
  const shared = candidacies.filter((c) => c.advocateId === fromAdvocateId && survivorRequests.has(c.requestId));
  if (shared.length) {
    const numbers = shared.map((c) => `R-${c.number}`).join(', ');
    throw conflict(`Both advocates are candidates on ${numbers}. Withdraw one of them there first.`, [
      { field: 'duplicateId', reason: `both are candidates on ${numbers}` },
    ]);
  }
  const moved = await tx.update(activities).set({ advocateId: toAdvocateId }).where(eq(activities.advocateId, fromAdvocateId)).returning({ id: activities.id });
  const candidates = await tx
    .update(requestCandidates)
    .set({ advocateId: toAdvocateId })
    .where(eq(requestCandidates.advocateId, fromAdvocateId))
    .returning({ id: requestCandidates.id });
  await tx.update(thankYous).set({ advocateId: toAdvocateId }).where(eq(thankYous.advocateId, fromAdvocateId));
  await tx.update(impactRecords).set({ advocateId: toAdvocateId }).where(eq(impactRecords.advocateId, fromAdvocateId));
  return { activities: moved.length, candidates: candidates.length };
}
