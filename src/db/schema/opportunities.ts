import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const OPPORTUNITY_OUTCOMES = ['open', 'won', 'lost'] as const;
export type OpportunityOutcome = (typeof OPPORTUNITY_OUTCOMES)[number];

/** The ordered sales pipeline admins configure. Opportunities store the stage `key`. */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    /** Order in the pipeline: a higher position is further along. */
    position: integer('position').notNull(),
    /** Short guidance shown to sellers (what this stage means). */
    description: text('description'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('pipeline_stages_key_key').on(t.key), index('pipeline_stages_position_idx').on(t.position)],
);

/** A deal a seller works on: the prospect, where the deal stands, and how ready it is for a reference. */
export const opportunities = pgTable(
  'opportunities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    prospectName: text('prospect_name').notNull(),
    prospectIndustryKey: text('prospect_industry_key'),
    prospectEmployeeCount: integer('prospect_employee_count'),
    prospectAnnualRevenueUsd: bigint('prospect_annual_revenue_usd', { mode: 'number' }),
    prospectCountry: text('prospect_country'),
    stageKey: text('stage_key').notNull(),
    amountUsd: bigint('amount_usd', { mode: 'number' }),
    closeDate: date('close_date'),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    productKeys: text('product_keys').array().notNull().default(sql`'{}'::text[]`),
    /** Rival vendors in this deal (free text names). */
    competitors: text('competitors').array().notNull().default(sql`'{}'::text[]`),
    /** Customer accounts that compete with the prospect: their advocates are never matched. */
    excludedAccountIds: uuid('excluded_account_ids').array().notNull().default(sql`'{}'::uuid[]`),
    decisionMakerBuyIn: boolean('decision_maker_buy_in').notNull().default(false),
    technicalApproval: boolean('technical_approval').notNull().default(false),
    budgetConfirmed: boolean('budget_confirmed').notNull().default(false),
    finalist: boolean('finalist').notNull().default(false),
    outcome: text('outcome').$type<OpportunityOutcome>().notNull().default('open'),
    amountWonUsd: bigint('amount_won_usd', { mode: 'number' }),
    closedOn: date('closed_on'),
    /** What the requester said happened on a lost deal. */
    lossReason: text('loss_reason'),
    crmId: text('crm_id'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('opportunities_crm_id_key').on(t.crmId).where(sql`${t.crmId} is not null`),
    index('opportunities_owner_idx').on(t.ownerUserId, t.outcome),
    index('opportunities_lower_name_idx').on(sql`lower(${t.name})`),
  ],
);

/**
 * The program's policies (readiness gates, lead times, caps, matching weights, selection
 * mode per activity type). One row; the document's shape and defaults live in
 * src/domain/requests/program-policy.ts and are validated there.
 */
export const programPolicies = pgTable('program_policies', {
  id: integer('id').primaryKey().default(1),
  policies: jsonb('policies').$type<Record<string, unknown>>().notNull().default({}),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type PipelineStageRow = typeof pipelineStages.$inferSelect;
export type OpportunityRow = typeof opportunities.$inferSelect;
