import { isDeepStrictEqual } from 'node:util';
import { eq } from 'drizzle-orm';
import { taxonomyValues, type TaxonomyValueRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { assertLabelFree, assertValidParent, lockValue, normalizeLabel, resolveAttributes } from './value-rules.js';

export interface UpdateTaxonomyValueInput {
  label?: string;
  sortOrder?: number;
  /** null moves the value to the top level. */
  parentKey?: string | null;
  /** Replaces the attributes as a whole. */
  attributes?: Record<string, unknown>;
}

/**
 * Changes a value's label, order, parent or attributes. The key never changes, so a rename
 * shows everywhere at once without touching a single record.
 */
export async function updateTaxonomyValue(deps: ServiceDeps, actor: Actor, id: string, input: UpdateTaxonomyValueInput): Promise<TaxonomyValueRow> {
  const label = input.label === undefined ? undefined : normalizeLabel(input.label);
  return deps.db.transaction(async (tx) => {
    const before = await lockValue(tx, id);
    const live = before.retiredAt === null;
    const nextLabel = label ?? before.label;
    if (live && nextLabel.toLowerCase() !== before.label.toLowerCase()) await assertLabelFree(tx, before.facet, nextLabel, id);
    const parentKey = input.parentKey === undefined ? before.parentKey : input.parentKey || null;
    if (parentKey && parentKey !== before.parentKey) await assertValidParent(tx, before.facet, parentKey, before);
    const attributes =
      input.attributes !== undefined || parentKey !== before.parentKey
        ? resolveAttributes(before.facet, before.key, parentKey, input.attributes ?? before.attributes, input.attributes !== undefined)
        : before.attributes;
    const sortOrder = input.sortOrder ?? before.sortOrder;

    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (nextLabel !== before.label) changes.label = { from: before.label, to: nextLabel };
    if (sortOrder !== before.sortOrder) changes.sortOrder = { from: before.sortOrder, to: sortOrder };
    if (parentKey !== before.parentKey) changes.parentKey = { from: before.parentKey, to: parentKey };
    if (!isDeepStrictEqual(attributes, before.attributes)) changes.attributes = { from: before.attributes, to: attributes };
    if (Object.keys(changes).length === 0) return before;

    const [after] = await tx
      .update(taxonomyValues)
      .set({ label: nextLabel, sortOrder, parentKey, attributes, updatedAt: deps.now() })
      .where(eq(taxonomyValues.id, id))
      .returning();
    if (!after) throw notFound('The taxonomy value');
    await recordAudit(tx, {
      action: 'taxonomy.value_updated',
      actor,
      target: { type: 'taxonomy_value', id, label: `${after.facet}: ${after.label}` },
      details: { facet: after.facet, key: after.key, changes },
    });
    return after;
  });
}
