import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role, Team } from '../../domain/roles.js';

/** Internal users (employees). Advocates are not users: they use the portal. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    roles: text('roles').array().$type<Role[]>().notNull(),
    team: text('team').$type<Team>().notNull(),
    status: text('status', { enum: ['active', 'deactivated'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** Optional notification kinds this person turned off (required ones are always sent). */
    notificationOptOuts: text('notification_opt_outs').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('users_email_lower_key').on(sql`lower(${t.email})`),
    index('users_roles_gin').using('gin', t.roles),
    index('users_created_at_id_idx').on(t.createdAt, t.id),
  ],
);

export type UserRow = typeof users.$inferSelect;
