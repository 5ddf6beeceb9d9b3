import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { taxonomyValues, type TaxonomyValueRow } from '../../db/schema/index.js';
import { toKey, type Facet } from '../../domain/taxonomy/types.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { assertKeyFree, assertLabelFree, assertValidKey, assertValidParent, lockFacet, normalizeLabel, resolveAttributes } from './value-rules.js';

export interface AddTaxonomyValueInput {
  label: string;
  /** Derived from the label when not given (countries must give their ISO code). */
  key?: string;
  parentKey?: string | null;
  sortOrder?: number;
  attributes?: Record<string, unknown>;
}

/** Without a sort order, a value goes last: after its siblings under a parent, or last in the facet. */
async function nextSortOrder(tx: Executor, facet: Facet, parentKey: string | null): Promise<number> {
  const scope = parentKey ? or(eq(taxonomyValues.key, parentKey), eq(taxonomyValues.parentKey, parentKey)) : undefined;
  const [row] = await tx
    .select({ max: sql<number | null>`max(${taxonomyValues.sortOrder})` })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, facet), scope));
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}

export async function addTaxonomyValue(deps: ServiceDeps, actor: Actor, facet: Facet, input: AddTaxonomyValueInput): Promise<TaxonomyValueRow> {
  const label = normalizeLabel(input.label);
  const key = input.key?.trim() || toKey(label);
  assertValidKey(facet, key);
  const parentKey = input.parentKey || null;
  return deps.db.transaction(async (tx) => {
    await lockFacet(tx, facet);
    await assertKeyFree(tx, facet, key);
    await assertLabelFree(tx, facet, label);
    if (parentKey) await assertValidParent(tx, facet, parentKey);
    const attributes = resolveAttributes(facet, key, parentKey, input.attributes ?? {}, true);
    const now = deps.now();
    const [value] = await tx
      .insert(taxonomyValues)
      .values({
        facet,
        key,
        label,
        parentKey,
        sortOrder: input.sortOrder ?? (await nextSortOrder(tx, facet, parentKey)),
        attributes,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!value) throw new Error('taxonomy value insert returned nothing');
    await recordAudit(tx, {
      action: 'taxonomy.value_added',
      actor,
      target: { type: 'taxonomy_value', id: value.id, label: `${facet}: ${label}` },
      details: { facet, key, label, parentKey, sortOrder: value.sortOrder, attributes },
    });
    return value;
  });
}
