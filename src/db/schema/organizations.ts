import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The organisation running the program. One per installation. */
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  primaryColor: text('primary_color').notNull().default('#4c6ef5'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
