import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { taxonomyValues, type TaxonomyValueRow } from '../../db/schema/index.js';
import type { Facet } from '../../domain/taxonomy/types.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound } from '../errors.js';
import { columnsOf, holdsKey, KEY_TABLES, rewriteKey, type KeyTable } from './facet-columns.js';
import { facetLabel, hasChildren, lockFacet } from './value-rules.js';

export interface MergeResult {
  /** The surviving value. */
  value: TaxonomyValueRow;
  /** How many records now hold the surviving key instead of the merged one. */
  rewritten: Record<KeyTable, number>;
}

const refuse = (reason: string) => invalidInput([{ field: 'intoId', reason }]);

/** Rewrites every column of one table that holds the facet's keys, in one UPDATE; returns the rows changed. */
async function rewriteTable(tx: Executor, table: KeyTable, facet: Facet, from: string, to: string, now: Date): Promise<number> {
  const columns = columnsOf(facet, table);
  if (columns.length === 0) return 0;
  const assignments = columns.map((c) => sql`${sql.identifier(c.column)} = ${rewriteKey(c, from, to)}`);
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`with changed as (
          update ${sql.identifier(table)}
          set ${sql.join(assignments, sql`, `)}, updated_at = ${now.toISOString()}::timestamptz
          where ${sql.join(columns.map((c) => holdsKey(c, from)), sql` or `)}
          returning 1)
        select count(*)::int as n from changed`,
  );
  return row?.n ?? 0;
}

/**
 * Folds one value into another of the same facet, in one transaction: every record holding the
 * source key gets the target key (set-based, without duplicates), the source's children move
 * under the target, and the source is retired with `mergedIntoKey` pointing at the target.
 */
export async function mergeTaxonomyValues(deps: ServiceDeps, actor: Actor, sourceId: string, targetId: string): Promise<MergeResult> {
  if (sourceId === targetId) throw refuse('cannot be the value being merged');
  return deps.db.transaction(async (tx) => {
    const facets = await tx
      .select({ id: taxonomyValues.id, facet: taxonomyValues.facet })
      .from(taxonomyValues)
      .where(inArray(taxonomyValues.id, [sourceId, targetId]));
    const sourceFacet = facets.find((v) => v.id === sourceId)?.facet;
    const targetFacet = facets.find((v) => v.id === targetId)?.facet;
    if (!sourceFacet) throw notFound('The taxonomy value');
    if (!targetFacet) throw refuse('is not a taxonomy value');
    if (sourceFacet !== targetFacet) {
      throw refuse(`is a ${facetLabel(targetFacet)} value: only values of the same facet (${facetLabel(sourceFacet)}) can be merged`);
    }
    const facet = sourceFacet;
    await lockFacet(tx, facet);
    const rows = await tx.select().from(taxonomyValues).where(inArray(taxonomyValues.id, [sourceId, targetId])).for('update');
    const source = rows.find((v) => v.id === sourceId);
    const target = rows.find((v) => v.id === targetId);
    if (!source || !target) throw notFound('The taxonomy value');
    if (source.mergedIntoKey) throw conflict(`"${source.label}" was already merged into "${source.mergedIntoKey}".`);
    if (target.retiredAt) throw refuse(`"${target.label}" is retired: restore it first, or merge into a current value`);
    if (target.parentKey && (await hasChildren(tx, facet, source.key, false))) {
      throw refuse(`"${source.label}" has values under it, so it can only be merged into a top-level value`);
    }

    const now = deps.now();
    const rewritten = { accounts: 0, advocates: 0 } satisfies Record<KeyTable, number>;
    for (const table of KEY_TABLES) rewritten[table] = await rewriteTable(tx, table, facet, source.key, target.key, now);

    const reparented = await tx
      .update(taxonomyValues)
      .set({ parentKey: target.key, updatedAt: now })
      .where(and(eq(taxonomyValues.facet, facet), eq(taxonomyValues.parentKey, source.key)))
      .returning({ key: taxonomyValues.key });
    // Values merged into the source earlier now point at the survivor, so no chain dangles.
    await tx
      .update(taxonomyValues)
      .set({ mergedIntoKey: target.key, updatedAt: now })
      .where(and(eq(taxonomyValues.facet, facet), eq(taxonomyValues.mergedIntoKey, source.key)));
    await tx
      .update(taxonomyValues)
      .set({ retiredAt: source.retiredAt ?? now, mergedIntoKey: target.key, updatedAt: now })
      .where(eq(taxonomyValues.id, source.id));

    await recordAudit(tx, {
      action: 'taxonomy.values_merged',
      actor,
      target: { type: 'taxonomy_value', id: source.id, label: `${facet}: ${source.label}` },
      details: {
        facet,
        from: { id: source.id, key: source.key, label: source.label },
        into: { id: target.id, key: target.key, label: target.label },
        rewritten,
        reparented: reparented.map((r) => r.key),
      },
    });
    return { value: target, rewritten };
  });
}
