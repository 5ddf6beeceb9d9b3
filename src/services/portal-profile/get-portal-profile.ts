import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, advocateColumns, advocateProfileChanges, advocates, type AdvocateProfileChangeRow, type AdvocateRow } from '../../db/schema/index.js';
import type { PortalAdvocateAccess } from '../../policies/portal-profile.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

export interface PortalProfile {
  advocate: AdvocateRow;
  account: { id: string; name: string };
  /** The proposal waiting for the program team, if any. */
  pendingChange: AdvocateProfileChangeRow | null;
  /** The latest approved or rejected proposal, so the advocate sees the answer (and its note). */
  lastDecision: AdvocateProfileChangeRow | null;
}

/** The signed-in advocate's own row, or 404 (a session of a deleted advocate). */
export async function loadOwnAdvocate(db: Executor, advocateId: string, lock = false): Promise<AdvocateRow> {
  const query = db.select(advocateColumns(advocates)).from(advocates).where(eq(advocates.id, advocateId));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Your profile');
  return row;
}

export async function getPortalProfile(deps: ServiceDeps, advocateId: string): Promise<PortalProfile> {
  const [row] = await deps.db
    .select({ advocate: advocateColumns(advocates), account: { id: accounts.id, name: accounts.name } })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(eq(advocates.id, advocateId))
    .limit(1);
  if (!row) throw notFound('Your profile');
  const [pendingChange] = await deps.db
    .select()
    .from(advocateProfileChanges)
    .where(and(eq(advocateProfileChanges.advocateId, advocateId), eq(advocateProfileChanges.status, 'pending')))
    .orderBy(desc(advocateProfileChanges.submittedAt))
    .limit(1);
  const [lastDecision] = await deps.db
    .select()
    .from(advocateProfileChanges)
    .where(and(eq(advocateProfileChanges.advocateId, advocateId), inArray(advocateProfileChanges.status, ['approved', 'rejected'])))
    .orderBy(desc(advocateProfileChanges.decidedAt))
    .limit(1);
  return { ...row, pendingChange: pendingChange ?? null, lastDecision: lastDecision ?? null };
}

/** What the portal policy needs about the signed-in advocate. */
export async function getPortalAccess(deps: ServiceDeps, advocateId: string): Promise<PortalAdvocateAccess> {
  const [row] = await deps.db.select({ status: advocates.status }).from(advocates).where(eq(advocates.id, advocateId)).limit(1);
  if (!row) throw notFound('Your profile');
  return row;
}
