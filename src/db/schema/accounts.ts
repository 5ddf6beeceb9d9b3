import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

export const REFERENCE_STATUSES = ['referenceable', 'restricted', 'not_referenceable'] as const;
export type ReferenceStatus = (typeof REFERENCE_STATUSES)[number];
export const DEPLOYMENTS = ['cloud', 'on_premises', 'hybrid'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

/** A customer company. Facet columns hold taxonomy keys. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    industryKey: text('industry_key'),
    annualRevenueUsd: bigint('annual_revenue_usd', { mode: 'number' }),
    employeeCount: integer('employee_count'),
    hqCountry: text('hq_country'),
    productKeys: text('product_keys').array().notNull().default(sql`'{}'::text[]`),
    useCaseKeys: text('use_case_keys').array().notNull().default(sql`'{}'::text[]`),
    deployment: text('deployment').$type<Deployment>(),
    goLiveDate: date('go_live_date'),
    seats: integer('seats'),
    customerSince: date('customer_since'),
    ownerUserId: uuid('owner_user_id').references(() => users.id),
    referenceStatus: text('reference_status').$type<ReferenceStatus>().notNull().default('referenceable'),
    restrictionReason: text('restriction_reason'),
    /** Weighted uses allowed per rolling window (see program policies); null = program default. */
    usageCap: numeric('usage_cap', { precision: 8, scale: 2, mode: 'number' }),
    crmId: text('crm_id'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_crm_id_key').on(t.crmId).where(sql`${t.crmId} is not null`),
    index('accounts_lower_name_idx').on(sql`lower(${t.name})`),
    index('accounts_owner_idx').on(t.ownerUserId),
    index('accounts_industry_idx').on(t.industryKey),
  ],
);

export type AccountRow = typeof accounts.$inferSelect;
