import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './users.js';

/** A user's named advocate search: the text, filters and sort as the URL carries them. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** { q?, sort?, filters: { facet: keys[] } } */
    query: jsonb('query').$type<{ q?: string; sort?: string; filters: Record<string, string[]> }>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('saved_searches_user_name_key').on(t.userId, sql`lower(${t.name})`), index('saved_searches_user_idx').on(t.userId, t.updatedAt)],
);

export type SavedSearchRow = typeof savedSearches.$inferSelect;
