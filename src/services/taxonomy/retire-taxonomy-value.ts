import { and, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { taxonomyValues, type TaxonomyValueRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { assertLabelFree, hasChildren, lockValue } from './value-rules.js';

/**
 * Retiring hides a value from pickers and filters; records holding its key keep it and keep
 * showing its label. A value with current values under it cannot be retired on its own.
 */
export async function retireTaxonomyValue(deps: ServiceDeps, actor: Actor, id: string): Promise<TaxonomyValueRow> {
  return deps.db.transaction(async (tx) => {
    const before = await lockValue(tx, id);
    if (before.retiredAt) return before;
    if (await hasChildren(tx, before.facet, before.key, true)) {
      throw conflict(`"${before.label}" still has current values under it: retire them or move them to another parent first.`);
    }
    return setRetired(tx, deps.now(), actor, before, true);
  });
}

/** Brings a retired value back into pickers. A merged value stays merged: its records moved on. */
export async function restoreTaxonomyValue(deps: ServiceDeps, actor: Actor, id: string): Promise<TaxonomyValueRow> {
  return deps.db.transaction(async (tx) => {
    const before = await lockValue(tx, id);
    if (!before.retiredAt) return before;
    if (before.mergedIntoKey) {
      throw conflict(`"${before.label}" was merged into "${before.mergedIntoKey}" and its records now hold that key; it cannot be restored.`);
    }
    await assertLabelFree(tx, before.facet, before.label, id);
    if (before.parentKey) {
      const [parent] = await tx
        .select({ id: taxonomyValues.id })
        .from(taxonomyValues)
        .where(and(eq(taxonomyValues.facet, before.facet), eq(taxonomyValues.key, before.parentKey), isNull(taxonomyValues.retiredAt)));
      if (!parent) throw conflict(`"${before.label}" sits under "${before.parentKey}", which is retired: restore it first, or move this value.`);
    }
    return setRetired(tx, deps.now(), actor, before, false);
  });
}

async function setRetired(tx: Executor, now: Date, actor: Actor, before: TaxonomyValueRow, retired: boolean): Promise<TaxonomyValueRow> {
  const [after] = await tx
    .update(taxonomyValues)
    .set({ retiredAt: retired ? now : null, updatedAt: now })
    .where(eq(taxonomyValues.id, before.id))
    .returning();
  if (!after) throw notFound('The taxonomy value');
  await recordAudit(tx, {
    action: retired ? 'taxonomy.value_retired' : 'taxonomy.value_restored',
    actor,
    target: { type: 'taxonomy_value', id: after.id, label: `${after.facet}: ${after.label}` },
    details: { facet: after.facet, key: after.key },
  });
  return after;
}
