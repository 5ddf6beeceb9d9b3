import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { advocates } from './advocates.js';

const datemultirange = customType<{ data: string }>({ dataType: () => 'datemultirange' });

/**
 * Matching's own narrow copy of every advocate who could be matched (active, at a referenceable
 * or restricted account): what the hard rules and the cheap SQL score read, as small integers
 * and bit masks, so a request reads about 130 bytes per advocate instead of the wide search row.
 * Topics, products, use cases and unwilling activity types are masks with one bit per taxonomy
 * value (its rank by code within the facet; exact up to 62 values, later values share bit 62);
 * languages are a hint mask (code % 62), confirmed on the advocate's record. Maintained only by
 * the triggers of migrations 0011–0014, never written by the application (see src/services/matching/).
 */
export const advocateMatch = pgTable(
  'advocate_match',
  {
    advocateId: uuid('advocate_id')
      .primaryKey()
      .references(() => advocates.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id').notNull(),
    /** The account is referenceable (false: restricted; not referenceable accounts have no rows). */
    referenceable: boolean('referenceable').notNull(),
    /** Taxonomy codes (0 when none): the account's industry and its sector, seniority, function. */
    industry: smallint('industry').notNull(),
    sector: smallint('sector').notNull(),
    seniority: smallint('seniority').notNull(),
    /** The seniority's rank (5 C-level … 1 individual contributor; 0 unknown). */
    seniorityRank: smallint('seniority_rank').notNull(),
    function: smallint('function').notNull(),
    /** 1 technical, 2 business, 0 unknown. */
    orientation: smallint('orientation').notNull(),
    /** round(2 · ln(account employees)); -1 when unknown. */
    sizeBucket: smallint('size_bucket').notNull(),
    employeeCount: integer('employee_count'),
    topics: bigint('topics', { mode: 'bigint' }).notNull(),
    products: bigint('products', { mode: 'bigint' }).notNull(),
    useCases: bigint('use_cases', { mode: 'bigint' }).notNull(),
    languages: bigint('languages', { mode: 'bigint' }).notNull(),
    /** Activity types the advocate said no to. */
    unwilling: bigint('unwilling', { mode: 'bigint' }).notNull(),
    /** The latest occurs_on of the advocate's counted activities (held, planned, happened). */
    lastUsedOn: date('last_used_on'),
    /**
     * Taxonomy code of the advocate's country; its sub-region and region as the smallest code
     * of a country in them (0 when unknown), so geography compares small integers.
     */
    countryCode: smallint('country_code').notNull(),
    subregionCode: smallint('subregion_code').notNull(),
    regionCode: smallint('region_code').notNull(),
    /** Every blackout period of the advocate; null when none. */
    blackouts: datemultirange('blackouts'),
  },
  (t) => [index('advocate_match_sector_idx').on(t.sector), index('advocate_match_country_idx').on(t.countryCode)],
);

const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/**
 * What changed in advocate_match, one row per write statement (its advocates as an array), so an
 * application instance can keep an in-memory copy current by reading only what changed since its
 * last look (src/services/matching/match-index/). `xid` is the writing transaction's id: a reader
 * takes every entry at or above the oldest transaction still running at its previous look.
 * Written only by the triggers of migration 0019; pruned by the match-changes sweep.
 */
export const advocateMatchChanges = pgTable(
  'advocate_match_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    advocateIds: uuid('advocate_ids').array().notNull(),
  },
  (t) => [index('advocate_match_changes_xid_idx').on(t.xid)],
);

/**
 * The oldest running transaction as the sweep saw it, and when: change entries below a horizon
 * taken long enough ago have been read by every instance that is still incremental.
 */
export const advocateMatchHorizons = pgTable('advocate_match_horizons', {
  takenAt: timestamp('taken_at', { withTimezone: true }).primaryKey().defaultNow(),
  oldestRunning: xid8('oldest_running').notNull(),
});

/**
 * A counter per cached source, raised by a statement trigger on every write to it (migration
 * 0020): an instance keeps what it derived from the source (matching's taxonomy dictionary) for
 * as long as the counter it read with it is unchanged.
 */
export const cacheVersions = pgTable('cache_versions', {
  name: text('name').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
