import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { programPolicies } from '../../db/schema/index.js';
import { resolveProgramPolicy, type ProgramPolicy } from '../../domain/requests/program-policy.js';

/** The single program_policies row. */
export const PROGRAM_POLICY_ROW_ID = 1;

export interface StoredProgramPolicy {
  policy: ProgramPolicy;
  updatedAt: Date | null;
  updatedByUserId: string | null;
}

/** The program's policies: the stored document over the defaults (the defaults when nothing is stored). */
export async function getProgramPolicy(db: Executor): Promise<ProgramPolicy> {
  return (await getStoredProgramPolicy(db)).policy;
}

/** The policies with who changed them last and when (null when never changed). */
export async function getStoredProgramPolicy(db: Executor): Promise<StoredProgramPolicy> {
  const [row] = await db.select().from(programPolicies).where(eq(programPolicies.id, PROGRAM_POLICY_ROW_ID)).limit(1);
  if (!row) return { policy: resolveProgramPolicy(null), updatedAt: null, updatedByUserId: null };
  return { policy: resolveProgramPolicy(row.policies), updatedAt: row.updatedAt, updatedByUserId: row.updatedByUserId };
}
