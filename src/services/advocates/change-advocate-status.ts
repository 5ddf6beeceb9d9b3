import { eq } from 'drizzle-orm';
import { advocateColumns, advocates } from '../../db/schema/index.js';
import { transitionError, type AdvocateStatus } from '../../domain/advocate-lifecycle.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { getAdvocate, type AdvocateWithAccount } from './get-advocate.js';

/** Moves an advocate along the lifecycle. Nobody becomes active without a consent record. */
export async function changeAdvocateStatus(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: { status: AdvocateStatus; reason?: string },
): Promise<AdvocateWithAccount> {
  await deps.db.transaction(async (tx) => {
    const [before] = await tx.select(advocateColumns(advocates)).from(advocates).where(eq(advocates.id, id)).for('update');
    if (!before) throw notFound('The advocate');
    const refused = transitionError(before.status, input.status);
    if (refused) throw conflict(refused, [{ field: 'status', reason: refused }]);
    if (input.status === 'active' && !before.consent) {
      throw conflict('Record the advocate’s consent (when, how and to what) before making them active.', [
        { field: 'status', reason: 'needs a consent record first' },
      ]);
    }
    await tx.update(advocates).set({ status: input.status, updatedAt: deps.now() }).where(eq(advocates.id, id));
    await recordAudit(tx, {
      action: 'advocate.status_changed',
      actor,
      target: { type: 'advocate', id, label: `${before.firstName} ${before.lastName}` },
      details: { from: before.status, to: input.status, reason: input.reason ?? null },
    });
  });
  return getAdvocate(deps, id);
}
