import { eq } from 'drizzle-orm';
import { advocates } from '../../db/schema/index.js';
import { recordProtectedReveal } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/**
 * Reads an advocate's protected contact details for someone the policy allowed, and writes the
 * reveal to the audit log in the same transaction: no reveal without its audit event.
 */
export async function revealAdvocateContact(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  reason: 'program admin' | 'account owner',
): Promise<{ email: string | null; phone: string | null }> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ email: advocates.email, phone: advocates.phone, firstName: advocates.firstName, lastName: advocates.lastName })
      .from(advocates)
      .where(eq(advocates.id, id))
      .limit(1);
    if (!row) throw notFound('The advocate');
    const fields = [row.email ? 'email' : null, row.phone ? 'phone' : null].filter((f): f is string => f !== null);
    await recordProtectedReveal(tx, actor, { subjectType: 'advocate', subjectId: id, subjectLabel: `${row.firstName} ${row.lastName}`, fields, reason });
    return { email: row.email, phone: row.phone };
  });
}
