import { index, pgTable, text, timestamp, bigserial } from 'drizzle-orm/pg-core';

/** Failed sign-in attempts, kept for throttling per account and per client address. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    emailKey: text('email_key').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_email_at_idx').on(t.emailKey, t.at), index('sign_in_failures_ip_at_idx').on(t.ip, t.at)],
);
