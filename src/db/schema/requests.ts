import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CandidateStatus, RequestStatus } from '../../domain/requests/request-states.js';
import type { RequestCriteria, ProspectProfile } from '../../domain/requests/criteria.js';
import { accounts } from './accounts.js';
import { advocates } from './advocates.js';
import { opportunities } from './opportunities.js';
import { users } from './users.js';

/**
 * A reference request: who asks, for what purpose, the ideal reference profile and the
 * deadline. Sales requests link an opportunity; marketing requests state a purpose instead.
 */
export const referenceRequests = pgTable(
  'reference_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human reference shown as R-<number>. */
    number: integer('number').generatedAlwaysAsIdentity().notNull(),
    requesterUserId: uuid('requester_user_id')
      .notNull()
      .references(() => users.id),
    /** The requesting team (a Team key) at the time of the request. */
    team: text('team').notNull(),
    /** What marketing needs it for (press, analyst briefing…); free text for sales. */
    purpose: text('purpose'),
    opportunityId: uuid('opportunity_id').references(() => opportunities.id),
    activityTypeKey: text('activity_type_key').notNull(),
    /** The prospect side: industry, size, country, contact seniority and function. */
    prospect: jsonb('prospect').$type<ProspectProfile>().notNull().default({}),
    /** Ideal reference profile, each criterion must-have or nice-to-have. */
    criteria: jsonb('criteria').$type<RequestCriteria>().notNull().default([]),
    /** Topics the prospect needs put to rest (topic keys). */
    topicKeys: text('topic_keys').array().notNull().default(sql`'{}'::text[]`),
    neededBy: date('needed_by').notNull(),
    referencesNeeded: smallint('references_needed').notNull().default(1),
    note: text('note'),
    status: text('status').$type<RequestStatus>().notNull().default('draft'),
    /** The deadline was inside the activity type's lead time. */
    rush: boolean('rush').notNull().default(false),
    rushJustification: text('rush_justification'),
    /** What the readiness gate found missing when the request was blocked (domain shape). */
    readinessGaps: jsonb('readiness_gaps').$type<unknown[]>().notNull().default([]),
    /** An admin let a request through the readiness gate: why, and who. */
    readinessOverrideReason: text('readiness_override_reason'),
    readinessOverriddenByUserId: uuid('readiness_overridden_by_user_id').references(() => users.id),
    /** Estimated business days to fulfil, learned from history when submitted. */
    estimatedBusinessDays: smallint('estimated_business_days'),
    /** Why a request ended without a reference (no_longer_needed, on_hold, owner_declined, …). */
    endReason: text('end_reason'),
    endNote: text('end_note'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set when this request re-opens matching for an earlier one (a redo). */
    redoOfRequestId: uuid('redo_of_request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reference_requests_number_key').on(t.number),
    index('reference_requests_requester_idx').on(t.requesterUserId, t.createdAt),
    index('reference_requests_status_idx').on(t.status, t.neededBy),
    index('reference_requests_opportunity_idx').on(t.opportunityId),
  ],
);

/**
 * An advocate proposed for a request, with the match score and explanation frozen at the
 * time, through owner approval, the advocate's answer and scheduling.
 */
export const requestCandidates = pgTable(
  'request_candidates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => referenceRequests.id, { onDelete: 'cascade' }),
    advocateId: uuid('advocate_id')
      .notNull()
      .references(() => advocates.id),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    status: text('status').$type<CandidateStatus>().notNull(),
    score: smallint('score'),
    /** The matching explanation (factors and contributions) when proposed. */
    explanation: jsonb('explanation').$type<unknown>(),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id),
    /** The relationship owner asked to approve (the account's owner when proposed). */
    approverUserId: uuid('approver_user_id').references(() => users.id),
    approvalDueAt: timestamp('approval_due_at', { withTimezone: true }),
    ownerDecidedAt: timestamp('owner_decided_at', { withTimezone: true }),
    ownerReason: text('owner_reason'),
    askedAt: timestamp('asked_at', { withTimezone: true }),
    askExpiresAt: timestamp('ask_expires_at', { withTimezone: true }),
    advocateRespondedAt: timestamp('advocate_responded_at', { withTimezone: true }),
    advocateReason: text('advocate_reason'),
    /** Other dates the advocate offered: [{ startsAt, endsAt? , note? }]. */
    proposedDates: jsonb('proposed_dates').$type<{ startsAt: string; note?: string }[]>().notNull().default([]),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    durationMinutes: smallint('duration_minutes'),
    meetingDetails: text('meeting_details'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('request_candidates_request_advocate_key').on(t.requestId, t.advocateId),
    index('request_candidates_advocate_idx').on(t.advocateId, t.status),
    index('request_candidates_approver_idx').on(t.approverUserId, t.status),
    index('request_candidates_status_idx').on(t.status, t.approvalDueAt),
  ],
);

/** The request's timeline: every transition and note, in order. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => referenceRequests.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => requestCandidates.id, { onDelete: 'cascade' }),
    /** user | advocate | system */
    actorKind: text('actor_kind').$type<'user' | 'advocate' | 'system'>().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    /** submitted, blocked, override, candidate_proposed, owner_approved, advocate_accepted, … */
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    reason: text('reason'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('request_events_request_idx').on(t.requestId, t.at)],
);

/**
 * Signed links for an advocate's answer. Only a SHA-256 of the token is stored; the token
 * itself goes to the advocate (outbox) and nowhere else.
 */
export const advocateAskTokens = pgTable(
  'advocate_ask_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => requestCandidates.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set when the advocate answered; the link then shows the answer and accepts no other. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('advocate_ask_tokens_hash_key').on(t.tokenHash), index('advocate_ask_tokens_candidate_idx').on(t.candidateId)],
);

export type ReferenceRequestRow = typeof referenceRequests.$inferSelect;
export type RequestCandidateRow = typeof requestCandidates.$inferSelect;
export type RequestEventRow = typeof requestEvents.$inferSelect;

