import type { Executor } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import type { Actor } from '../context.js';

/** Audit actions in use. Later issues add their own. */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_in_throttled',
  'auth.sign_out',
  'auth.password_changed',
  'user.invited',
  'user.invitation_revoked',
  'user.invitation_resent',
  'user.invitation_accepted',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.team_changed',
  'user.deactivated',
  'user.reactivated',
  'protected_field.revealed',
  'taxonomy.value_added',
  'taxonomy.value_updated',
  'taxonomy.value_retired',
  'taxonomy.value_restored',
  'taxonomy.values_merged',
  'account.created',
  'account.updated',
  'advocate.created',
  'advocate.updated',
  'advocate.status_changed',
  'advocate.merged',
  'import.uploaded',
  'import.mapping_changed',
  'import.run_started',
  'import.completed',
  'import.failed',
  'advocate.contacts_exported',
  'activity.logged',
  'advocate.thanked',
  'opportunity.outcome_recorded',
  'request.readiness_overridden',
  'request.cancelled',
  'opportunity.created',
  'opportunity.updated',
  'pipeline.updated',
  'program_policy.updated',
  'user.notification_preferences_changed',
  'advocate.portal_signed_in',
  'advocate.withdrew',
  // The advocate portal's profile, availability and preferences (portal-profile, profile-changes).
  'advocate.profile_change_proposed',
  'advocate.profile_change_approved',
  'advocate.profile_change_rejected',
  'advocate.profile_verified',
  'advocate.blackout_added',
  'advocate.blackout_removed',
  'advocate.preferences_updated',
  // Slack and Teams endpoints, and the admin's outbox retry (delivery).
  'webhook_endpoint.created',
  'webhook_endpoint.updated',
  'webhook_endpoint.deleted',
  'webhook_endpoint.tested',
  'outbox.message_retried',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  action: AuditAction;
  actor: Pick<Actor, 'userId' | 'email' | 'ip'> | null;
  /** Who acted when there is no signed-in user (a failed sign-in's e-mail, "system", "cli"). */
  actorLabel?: string;
  target?: { type: string; id: string; label?: string };
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Appends an audit event inside the caller's transaction, so it commits with the change. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    action: entry.action,
    actorUserId: entry.actor?.userId ?? null,
    actorLabel: entry.actorLabel ?? entry.actor?.email ?? null,
    targetType: entry.target?.type ?? null,
    targetId: entry.target?.id ?? null,
    targetLabel: entry.target?.label ?? null,
    ip: entry.ip ?? entry.actor?.ip ?? null,
    details: entry.details ?? {},
  });
}

/**
 * The hook every reveal of a protected field goes through (advocate e-mail and phone).
 * Call it in the same transaction that reads the value for the requester.
 */
export async function recordProtectedReveal(
  db: Executor,
  actor: Actor,
  reveal: { subjectType: string; subjectId: string; subjectLabel?: string; fields: string[]; reason: string },
): Promise<void> {
  await recordAudit(db, {
    action: 'protected_field.revealed',
    actor,
    target: { type: reveal.subjectType, id: reveal.subjectId, label: reveal.subjectLabel },
    details: { fields: reveal.fields, reason: reveal.reason },
  });
}
