import { getTableColumns, sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AdvocateStatus } from '../../domain/advocate-lifecycle.js';
import { accounts } from './accounts.js';

export type Willingness = 'yes' | 'ask_first' | 'no';

export interface ConsentRecord {
  /** When the advocate agreed. */
  at: string;
  /** How: e-mail reply, signed form, call with the program team, portal… */
  method: string;
  /** What they agreed to: activity type keys, use of name and logo… */
  scope: string[];
  recordedByUserId?: string;
  notes?: string;
  /** When the advocate withdrew their consent (from the portal). */
  withdrawnAt?: string;
}

/**
 * A contact at a customer account who may speak for the company. E-mail and phone are
 * protected: they leave the server only through the audited reveal paths.
 */
export const advocates = pgTable(
  'advocates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    seniorityKey: text('seniority_key'),
    functionKey: text('function_key'),
    orientation: text('orientation').$type<'technical' | 'business'>(),
    country: text('country'),
    timeZone: text('time_zone'),
    languageKeys: text('language_keys').array().notNull().default(sql`'{}'::text[]`),
    topicKeys: text('topic_keys').array().notNull().default(sql`'{}'::text[]`),
    useCaseKeys: text('use_case_keys').array().notNull().default(sql`'{}'::text[]`),
    productKeys: text('product_keys').array().notNull().default(sql`'{}'::text[]`),
    storySituation: text('story_situation'),
    storySolution: text('story_solution'),
    storyOutcomes: text('story_outcomes'),
    personalityNotes: text('personality_notes'),
    /** Activity type key → willingness. Missing keys mean "ask first". */
    willingness: jsonb('willingness').$type<Record<string, Willingness>>().notNull().default({}),
    personalCap: numeric('personal_cap', { precision: 8, scale: 2, mode: 'number' }),
    status: text('status').$type<AdvocateStatus>().notNull().default('nominated'),
    consent: jsonb('consent').$type<ConsentRecord | null>(),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
    points: integer('points').notNull().default(0),
    crmId: text('crm_id'),
    /** Optional message kinds the advocate turned off in the portal. */
    notificationOptOuts: text('notification_opt_outs').array().notNull().default(sql`'{}'::text[]`),
    /** When the advocate withdrew from the program themselves (status becomes withdrawn). */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Migration 0022 dropped three indexes nothing read: status alone and account alone (each the
  // leading column of another index here) and a GIN on topic keys (matching reads topic masks,
  // search its own table). Each had cost every advocate write; a 100k import ran 7% faster without.
  (t) => [
    index('advocates_status_verified_idx').on(t.status, t.lastVerifiedAt),
    uniqueIndex('advocates_email_key').on(sql`lower(${t.email})`).where(sql`${t.email} is not null`),
    uniqueIndex('advocates_crm_id_key').on(t.crmId).where(sql`${t.crmId} is not null`),
    index('advocates_account_name_idx').on(t.accountId, sql`lower(${t.firstName})`, sql`lower(${t.lastName})`),
  ],
);

/** Periods when an advocate cannot help (holidays, busy seasons). */
export const advocateBlackouts = pgTable(
  'advocate_blackouts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    advocateId: uuid('advocate_id')
      .notNull()
      .references(() => advocates.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('advocate_blackouts_advocate_idx').on(t.advocateId, t.startsOn)],
);

/** Every column of an advocate (the search vector lives in advocate_search). */
export function advocateColumns<T extends typeof advocates>(table: T) {
  return getTableColumns(table);
}
export type AdvocateRow = typeof advocates.$inferSelect;
export type AdvocateBlackoutRow = typeof advocateBlackouts.$inferSelect;
