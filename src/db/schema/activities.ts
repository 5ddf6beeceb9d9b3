import { boolean, date, index, integer, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ActivityStatus } from '../../domain/requests/request-states.js';
import { accounts } from './accounts.js';
import { advocates } from './advocates.js';
import { opportunities } from './opportunities.js';
import { referenceRequests, requestCandidates } from './requests.js';
import { users } from './users.js';

/**
 * One use of an advocate (DESIGN §2). Through a request it is created `held` when the owner
 * approves (capacity is booked in that transaction), becomes `planned` when the advocate
 * accepts, then `happened` or `did_not_happen`; `cancelled` releases the capacity. Admins also
 * log uses outside the flow directly as `happened`. Caps count held, planned and happened
 * activities by `occurs_on` in the rolling window.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    advocateId: uuid('advocate_id')
      .notNull()
      .references(() => advocates.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    activityTypeKey: text('activity_type_key').notNull(),
    status: text('status').$type<ActivityStatus>().notNull(),
    /** The date it counts on: the needed-by date while held, then the scheduled or actual date. */
    occursOn: date('occurs_on').notNull(),
    /** Weighted units against caps (the activity type's weight when recorded). */
    weight: numeric('weight', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    requestId: uuid('request_id').references(() => referenceRequests.id),
    candidateId: uuid('candidate_id').references(() => requestCandidates.id),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    requestingTeam: text('requesting_team'),
    title: text('title'),
    notes: text('notes'),
    loggedByUserId: uuid('logged_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('activities_candidate_key').on(t.candidateId),
    index('activities_advocate_occurs_idx').on(t.advocateId, t.occursOn),
    index('activities_account_occurs_idx').on(t.accountId, t.occursOn),
    index('activities_opportunity_idx').on(t.opportunityId),
  ],
);

/** A debrief from one side of an activity: the requester's or the advocate's. */
export const debriefs = pgTable(
  'debriefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    side: text('side').$type<'requester' | 'advocate'>().notNull(),
    happened: boolean('happened').notNull(),
    /** Did it meet the prospect's needs, 1–5 (requester side). */
    metNeeds: smallint('met_needs'),
    buyerIntent: text('buyer_intent'),
    concerns: text('concerns'),
    /** Advocate side: how it went, and whether they would do it again. */
    howItWent: text('how_it_went'),
    wouldDoAgain: boolean('would_do_again'),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('debriefs_activity_side_key').on(t.activityId, t.side)],
);

export const THANK_YOU_KINDS = ['note', 'gift', 'donation', 'points'] as const;
export type ThankYouKind = (typeof THANK_YOU_KINDS)[number];

/** A thank-you to an advocate: a note, a gift, a donation in their name, or points. */
export const thankYous = pgTable(
  'thank_yous',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    advocateId: uuid('advocate_id')
      .notNull()
      .references(() => advocates.id),
    activityId: uuid('activity_id').references(() => activities.id),
    kind: text('kind').$type<ThankYouKind>().notNull(),
    points: integer('points').notNull().default(0),
    note: text('note'),
    givenByUserId: uuid('given_by_user_id')
      .notNull()
      .references(() => users.id),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('thank_yous_advocate_idx').on(t.advocateId, t.givenAt)],
);

/** "You helped us win": an advocate's part in a won opportunity. */
export const impactRecords = pgTable(
  'impact_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    advocateId: uuid('advocate_id')
      .notNull()
      .references(() => advocates.id),
    opportunityId: uuid('opportunity_id')
      .notNull()
      .references(() => opportunities.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    amountWonUsd: numeric('amount_won_usd', { precision: 14, scale: 2, mode: 'number' }),
    wonOn: date('won_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('impact_records_activity_opportunity_key').on(t.activityId, t.opportunityId), index('impact_records_advocate_idx').on(t.advocateId)],
);

export type ActivityRow = typeof activities.$inferSelect;
export type DebriefRow = typeof debriefs.$inferSelect;
export type ThankYouRow = typeof thankYous.$inferSelect;
export type ImpactRecordRow = typeof impactRecords.$inferSelect;

/**
 * Each advocate's track record as matching scores it: asks answered (or left unanswered), asks
 * accepted, uses that happened or not with a requester debrief rating the met needs, and of those
 * rated 4 or 5. Maintained only by the statement triggers of migration 0021 on request
 * candidates, activities and debriefs (recounted for the advocates a statement touched); no row
 * means no history.
 */
export const advocateTrackRecords = pgTable('advocate_track_records', {
  advocateId: uuid('advocate_id')
    .primaryKey()
    .references(() => advocates.id, { onDelete: 'cascade' }),
  asked: integer('asked').notNull(),
  accepted: integer('accepted').notNull(),
  rated: integer('rated').notNull(),
  metNeeds: integer('met_needs').notNull(),
});
