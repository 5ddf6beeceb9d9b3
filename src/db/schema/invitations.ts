import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Role, Team } from '../../domain/roles.js';
import { users } from './users.js';

/** Invitations to join. The link carries a random token; only its SHA-256 is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    roles: text('roles').array().$type<Role[]>().notNull(),
    team: text('team').$type<Team>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('invitations_email_idx').on(t.email), index('invitations_created_at_id_idx').on(t.createdAt, t.id)],
);

export type InvitationRow = typeof invitations.$inferSelect;
