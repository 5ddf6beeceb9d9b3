import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { referenceRequests } from './requests.js';
import { users } from './users.js';

/**
 * In-app notifications for internal users (the bell). Written in the same transaction as the
 * change that causes them, like the outbox. `dedupeKey` makes a sweep's notice idempotent.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** A notification kind from src/domain/notifications/catalog.ts. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Where the notice leads in the app, a path such as /requests/<id>. */
    link: text('link'),
    requestId: uuid('request_id').references(() => referenceRequests.id, { onDelete: 'cascade' }),
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_user_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_user_dedupe_key').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

/**
 * Slack and Microsoft Teams incoming webhooks for program events. `team` null receives every
 * team's events; otherwise only requests from that team. The URL is a secret: it is never
 * logged, never returned whole by the API, and outbox rows point at the endpoint, not the URL.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['slack', 'teams'] }).notNull(),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** A Team key, or null for the whole program. */
    team: text('team'),
    /** Notification kinds sent there (empty: every program event). */
    events: text('events').array().notNull().default(sql`'{}'::text[]`),
    enabled: boolean('enabled').notNull().default(true),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('webhook_endpoints_team_idx').on(t.team)],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
