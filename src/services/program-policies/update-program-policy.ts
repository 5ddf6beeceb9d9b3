import { and, eq, inArray } from 'drizzle-orm';
import { pipelineStages, programPolicies, taxonomyValues } from '../../db/schema/index.js';
import type { ProgramPolicy } from '../../domain/requests/program-policy.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import type { Executor } from '../../db/client.js';
import { invalidInput, type FieldError } from '../errors.js';
import { getStoredProgramPolicy, PROGRAM_POLICY_ROW_ID, type StoredProgramPolicy } from './get-program-policy.js';

type PerActivity = 'readiness' | 'leadTimeBusinessDays' | 'activityWeights' | 'selectionMode';
const PER_ACTIVITY: PerActivity[] = ['readiness', 'leadTimeBusinessDays', 'activityWeights', 'selectionMode'];

/**
 * Beyond the shape (checked by the route's zod schema): every activity type named is one of the
 * taxonomy's (retired ones included, so old entries stay valid), every minimum stage is a stage.
 */
async function findInvalidReferences(db: Executor, policy: ProgramPolicy): Promise<FieldError[]> {
  const activityKeys = [...new Set(PER_ACTIVITY.flatMap((part) => Object.keys(policy[part])))];
  const known = activityKeys.length
    ? new Set(
        (
          await db
            .select({ key: taxonomyValues.key })
            .from(taxonomyValues)
            .where(and(eq(taxonomyValues.facet, 'activity_type'), inArray(taxonomyValues.key, activityKeys)))
        ).map((r) => r.key),
      )
    : new Set<string>();
  const stages = new Set((await db.select({ key: pipelineStages.key }).from(pipelineStages)).map((r) => r.key));
  const errors: FieldError[] = [];
  for (const part of PER_ACTIVITY) {
    for (const key of Object.keys(policy[part])) {
      if (!known.has(key)) errors.push({ field: `${part}.${key}`, reason: `"${key}" is not an activity type` });
    }
  }
  const gates = [...Object.entries(policy.readiness).map(([key, gate]) => [`readiness.${key}`, gate] as const), ['defaultReadiness', policy.defaultReadiness] as const];
  for (const [field, gate] of gates) {
    if (gate.minStageKey && !stages.has(gate.minStageKey)) errors.push({ field: `${field}.minStageKey`, reason: `"${gate.minStageKey}" is not a pipeline stage` });
  }
  return errors;
}

/** The top-level parts that differ, for the audit trail. */
function changedParts(before: ProgramPolicy, after: ProgramPolicy): (keyof ProgramPolicy)[] {
  return (Object.keys(after) as (keyof ProgramPolicy)[]).filter((part) => JSON.stringify(before[part]) !== JSON.stringify(after[part]));
}

/** Replaces the program's policies (the whole document, validated); audited with the parts that changed and their old values. */
export async function updateProgramPolicy(deps: ServiceDeps, actor: Actor, policy: ProgramPolicy): Promise<StoredProgramPolicy> {
  return deps.db.transaction(async (tx) => {
    const errors = await findInvalidReferences(tx, policy);
    if (errors.length > 0) throw invalidInput(errors);
    // Lock the row (when there is one) so two admins' saves apply one after the other.
    await tx.select({ id: programPolicies.id }).from(programPolicies).where(eq(programPolicies.id, PROGRAM_POLICY_ROW_ID)).for('update');
    const before = await getStoredProgramPolicy(tx);
    const changed = changedParts(before.policy, policy);
    if (changed.length === 0) return before;
    const now = deps.now();
    await tx
      .insert(programPolicies)
      .values({ id: PROGRAM_POLICY_ROW_ID, policies: policy, updatedByUserId: actor.userId, updatedAt: now })
      .onConflictDoUpdate({ target: programPolicies.id, set: { policies: policy, updatedByUserId: actor.userId, updatedAt: now } });
    await recordAudit(tx, {
      action: 'program_policy.updated',
      actor,
      target: { type: 'program_policy', id: String(PROGRAM_POLICY_ROW_ID), label: 'Program policies' },
      details: { changed, before: Object.fromEntries(changed.map((part) => [part, before.policy[part]])) },
    });
    return getStoredProgramPolicy(tx);
  });
}
