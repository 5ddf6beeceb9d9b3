import { eq } from 'drizzle-orm';
import { opportunities, type OpportunityRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput, notFound } from '../errors.js';
import {
  assertOpportunityCrmIdFree,
  changedOpportunityFields,
  findInvalidOpportunityFields,
  normalizeOpportunityPatch,
  opportunityCrmIdRaceToConflict,
  opportunityFieldsOf,
  withRefsOne,
  type OpportunityFields,
  type OpportunityPatch,
  type OpportunityWithRefs,
} from './opportunity-fields.js';

/**
 * PATCH semantics: fields left out keep their value. `check` runs on the locked row before
 * anything changes (object-level authorization). Only fields that really change are validated
 * (a deal may stay at a stage retired since), written and audited; no change writes nothing.
 */
export async function updateOpportunity(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  patch: OpportunityPatch,
  check?: (before: OpportunityRow) => void,
): Promise<OpportunityWithRefs> {
  const given = normalizeOpportunityPatch(patch);
  try {
    return await deps.db.transaction(async (tx) => {
      const [before] = await tx.select().from(opportunities).where(eq(opportunities.id, id)).for('update');
      if (!before) throw notFound('The opportunity');
      check?.(before);
      const current = opportunityFieldsOf(before);
      const merged: OpportunityFields = { ...current, ...given };
      const changed = changedOpportunityFields(current, merged);
      if (changed.length === 0) return withRefsOne(tx, before);
      const values = Object.fromEntries(changed.map((field) => [field, merged[field]])) as OpportunityPatch;
      const errors = await findInvalidOpportunityFields(tx, values);
      if (errors.length > 0) throw invalidInput(errors);
      if (changed.includes('crmId')) await assertOpportunityCrmIdFree(tx, merged.crmId, id);
      const [after] = await tx
        .update(opportunities)
        .set({ ...values, updatedAt: deps.now() })
        .where(eq(opportunities.id, id))
        .returning();
      if (!after) throw notFound('The opportunity');
      await recordAudit(tx, {
        action: 'opportunity.updated',
        actor,
        target: { type: 'opportunity', id, label: after.name },
        details: { changed, ...(changed.includes('stageKey') ? { stage: { from: before.stageKey, to: after.stageKey } } : {}) },
      });
      return withRefsOne(tx, after);
    });
  } catch (error) {
    throw await opportunityCrmIdRaceToConflict(deps.db, error, given.crmId, id);
  }
}
