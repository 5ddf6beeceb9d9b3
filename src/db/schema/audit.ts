import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.js';

/**
 * Append-only audit log. A trigger (see the migration) rejects UPDATE and DELETE,
 * so not even the application can rewrite history.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label'),
    targetType: text('target_type'),
    targetId: text('target_id'),
    targetLabel: text('target_label'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at, t.id),
    index('audit_events_action_at_idx').on(t.action, t.at),
    index('audit_events_actor_at_idx').on(t.actorUserId, t.at),
    index('audit_events_target_idx').on(t.targetType, t.targetId),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
