import { sql } from 'drizzle-orm';
import { customType, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The advocate search's own narrow copy of every searchable fact: advocate and account facets
 * side by side, sort keys, the full-text vector and a compact binary encoding of the facet
 * values (`facet_codes`, decoded by src/domain/search/facet-codes.ts) from which facet counts
 * are computed. Maintained only by the database triggers of migrations 0007 and 0018, never
 * written by the application. Without a foreign key to advocates: a per-row key check cost about
 * a sixth of an advocate insert (measured on a 100k import); the delete trigger of 0018 removes
 * an advocate's rows in the same statement instead of a cascade.
 */
export const advocateSearch = pgTable(
  'advocate_search',
  {
    /** The advocate's id; no foreign key: the triggers write the row and delete it with the advocate (migration 0018). */
    advocateId: uuid('advocate_id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    status: text('status').notNull(),
    sortLast: text('sort_last').notNull(),
    sortFirst: text('sort_first').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** The date of the advocate's latest counted use (held, planned or happened activity); kept by the activities triggers (migration 0010). */
    lastUsedOn: date('last_used_on'),
    industryKey: text('industry_key'),
    employeeCount: integer('employee_count'),
    referenceStatus: text('reference_status').notNull(),
    country: text('country'),
    seniorityKey: text('seniority_key'),
    functionKey: text('function_key'),
    orientation: text('orientation'),
    topicKeys: text('topic_keys').array().notNull(),
    useCaseKeys: text('use_case_keys').array().notNull(),
    productKeys: text('product_keys').array().notNull(),
    languageKeys: text('language_keys').array().notNull(),
    /** Activity types the advocate said yes to. */
    willingKeys: text('willing_keys').array().notNull(),
    facetCodes: bytea('facet_codes').notNull(),
    searchVector: tsvector('search_vector').notNull(),
  },
  (t) => [
    index('advocate_search_name_idx').on(t.sortLast, t.sortFirst, t.advocateId),
    index('advocate_search_verified_idx').on(sql`coalesce(${t.verifiedAt}, '-infinity'::timestamptz) desc`, t.advocateId),
    index('advocate_search_account_idx').on(t.accountId),
    index('advocate_search_last_used_idx').on(sql`coalesce(${t.lastUsedOn}, '-infinity'::date)`, t.advocateId),
  ],
);

/**
 * The facet records and term ids only, in a table narrow enough (about 300 bytes a row) to scan
 * quickly: facet counts read this instead of advocate_search, whose rows carry the full-text
 * vector (used only to rank a page's candidates). Maintained by the same triggers.
 */
export const advocateFacetCodes = pgTable(
  'advocate_facet_codes',
  {
    /** The advocate's id; no foreign key: the triggers write the row and delete it with the advocate (migration 0018). */
    advocateId: uuid('advocate_id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    facetCodes: bytea('facet_codes').notNull(),
    /**
     * The ids (search_terms.id) of every lexeme of the advocate's full-text vector: a small,
     * GIN-indexed stand-in for the vector, so a text query finds its rows without reading
     * the wide advocate_search rows. Prefixes expand to term ids through search_terms.
     */
    termIds: integer('term_ids').array().notNull(),
  },
  (t) => [index('advocate_facet_codes_account_idx').on(t.accountId), index('advocate_facet_codes_terms_gin').using('gin', t.termIds)],
);
