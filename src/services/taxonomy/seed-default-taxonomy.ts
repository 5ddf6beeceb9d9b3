import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { defaultTaxonomy } from '../../domain/taxonomy/defaults.js';

/**
 * Loads the default facet values into an empty taxonomy in one set-based statement.
 * Does nothing once the taxonomy has values: admins own it from then on.
 */
export async function ensureDefaultTaxonomy(db: Executor): Promise<number> {
  const [existing] = await queryRows<{ present: boolean }>(db, sql`select exists (select 1 from taxonomy_values) as present`);
  if (existing?.present) return 0;
  const values = defaultTaxonomy().map((v) => ({
    facet: v.facet,
    key: v.key,
    label: v.label,
    parent_key: v.parentKey ?? null,
    sort_order: v.sortOrder,
    attributes: v.attributes ?? {},
  }));
  const inserted = await queryRows<{ n: number }>(
    db,
    sql`with rows as (
          insert into taxonomy_values (facet, key, label, parent_key, sort_order, attributes)
          select facet, key, label, parent_key, sort_order, attributes
          from jsonb_to_recordset(${JSON.stringify(values)}::jsonb)
            as r(facet text, key text, label text, parent_key text, sort_order int, attributes jsonb)
          on conflict (facet, key) do nothing
          returning 1)
        select count(*)::int as n from rows`,
  );
  return inserted[0]?.n ?? 0;
}
