import { desc, eq } from 'drizzle-orm';
import { advocates, thankYous, users, type ThankYouRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

export interface ThankYouWithGiver {
  thankYou: ThankYouRow;
  givenBy: { id: string; name: string };
}

/** An advocate's thank-yous, newest first, with who gave each. */
export async function listThankYous(deps: ServiceDeps, advocateId: string): Promise<{ points: number; items: ThankYouWithGiver[] }> {
  const [advocate] = await deps.db.select({ points: advocates.points }).from(advocates).where(eq(advocates.id, advocateId)).limit(1);
  if (!advocate) throw notFound('The advocate');
  const rows = await deps.db
    .select({ thankYou: thankYous, giverName: users.name })
    .from(thankYous)
    .innerJoin(users, eq(users.id, thankYous.givenByUserId))
    .where(eq(thankYous.advocateId, advocateId))
    .orderBy(desc(thankYous.givenAt), desc(thankYous.id))
    .limit(500);
  return { points: advocate.points, items: rows.map((r) => ({ thankYou: r.thankYou, givenBy: { id: r.thankYou.givenByUserId, name: r.giverName } })) };
}
