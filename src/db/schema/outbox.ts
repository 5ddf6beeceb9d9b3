import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A file sent with an e-mail (an .ics invitation): text content, as nodemailer takes it. */
export interface OutboxAttachment {
  filename: string;
  contentType: string;
  content: string;
}

/**
 * Messages to deliver: e-mail, and Slack or Teams webhook posts. Written in the same
 * transaction as the change that causes them, delivered by the dispatcher in src/jobs.
 * For webhooks `recipient` is the webhook endpoint's id (the URL is a secret and stays in
 * webhook_endpoints) and `payload` holds the JSON body to post.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    channel: text('channel', { enum: ['email', 'slack', 'teams'] }).notNull().default('email'),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'dead', 'held'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    availableAt: timestamp('available_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    /** Makes a message idempotent: a sweep that runs twice writes it once. */
    dedupeKey: text('dedupe_key'),
    /** Who it is for, when it is a user or an advocate (for preferences and listings). */
    recipientUserId: uuid('recipient_user_id'),
    recipientAdvocateId: uuid('recipient_advocate_id'),
  },
  (t) => [
    index('outbox_messages_status_available_idx').on(t.status, t.availableAt),
    index('outbox_messages_created_at_id_idx').on(t.createdAt, t.id),
    uniqueIndex('outbox_messages_dedupe_key').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
  ],
);

export type OutboxMessageRow = typeof outboxMessages.$inferSelect;
