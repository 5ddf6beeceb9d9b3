import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Facet } from '../../domain/taxonomy/types.js';

/**
 * Admin-managed facet values. Records store the value's `key`, which never changes:
 * a rename changes the label, a merge rewrites the records to the surviving key,
 * a retirement hides the value from pickers while records keep showing it.
 */
export const taxonomyValues = pgTable(
  'taxonomy_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    facet: text('facet').$type<Facet>().notNull(),
    key: text('key').notNull(),
    /** A small number for the key, used by the search's binary facet encoding (advocate_search.facet_codes). */
    code: smallint('code').generatedAlwaysAsIdentity().notNull(),
    label: text('label').notNull(),
    parentKey: text('parent_key'),
    sortOrder: integer('sort_order').notNull().default(0),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    mergedIntoKey: text('merged_into_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('taxonomy_values_facet_key_key').on(t.facet, t.key),
    uniqueIndex('taxonomy_values_facet_label_live_key').on(t.facet, sql`lower(${t.label})`).where(sql`${t.retiredAt} is null`),
    index('taxonomy_values_facet_sort_idx').on(t.facet, t.sortOrder),
  ],
);

export type TaxonomyValueRow = typeof taxonomyValues.$inferSelect;
