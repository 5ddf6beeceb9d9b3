import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { advocates } from './advocates.js';
import { users } from './users.js';

/**
 * Magic sign-in links for the advocate portal, one row per request for a link, known address
 * or not (so the rate limit per address holds for unknown addresses too). Only SHA-256 hashes
 * are stored: of the lower-cased address, and of the token when a link was issued.
 */
export const advocateSignInLinks = pgTable(
  'advocate_sign_in_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    emailHash: text('email_hash').notNull(),
    /** Null when the address matched no advocate who may sign in: nothing was sent. */
    advocateId: uuid('advocate_id').references(() => advocates.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    ip: text('ip'),
  },
  (t) => [
    index('advocate_sign_in_links_email_idx').on(t.emailHash, t.requestedAt),
    uniqueIndex('advocate_sign_in_links_token_key').on(t.tokenHash).where(sql`${t.tokenHash} is not null`),
  ],
);

/** Advocate portal sessions: like user sessions, only the token's SHA-256 is stored. */
export const advocateSessions = pgTable(
  'advocate_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    csrfToken: text('csrf_token').notNull(),
    advocateId: uuid('advocate_id')
      .notNull()
      .references(() => advocates.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('advocate_sessions_advocate_idx').on(t.advocateId)],
);

/**
 * A profile update an advocate proposed in the portal. It changes nothing until an admin
 * approves it; `before` keeps the values the advocate saw, so the review shows a true diff.
 */
export const advocateProfileChanges = pgTable(
  'advocate_profile_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    advocateId: uuid('advocate_id')
      .notNull()
      .references(() => advocates.id, { onDelete: 'cascade' }),
    /** Field → proposed value (only the fields that changed). */
    changes: jsonb('changes').$type<Record<string, unknown>>().notNull(),
    /** Field → value when proposed. */
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'superseded'] }).notNull().default('pending'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decisionNote: text('decision_note'),
  },
  (t) => [index('advocate_profile_changes_status_idx').on(t.status, t.submittedAt), index('advocate_profile_changes_advocate_idx').on(t.advocateId, t.submittedAt)],
);

export type AdvocateSignInLinkRow = typeof advocateSignInLinks.$inferSelect;
export type AdvocateSessionRow = typeof advocateSessions.$inferSelect;
export type AdvocateProfileChangeRow = typeof advocateProfileChanges.$inferSelect;
