import type { Executor } from '../../db/client.js';
import type { AdvocateRow } from '../../db/schema/index.js';
import { recordAudit, type AuditAction } from '../audit/record-audit.js';

/**
 * Audits what an advocate did themselves in the portal: no internal user acts, so the event
 * names the advocate as its actor label and as its target.
 */
export async function recordAdvocateAudit(
  tx: Executor,
  advocate: Pick<AdvocateRow, 'id' | 'firstName' | 'lastName'>,
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  const name = `${advocate.firstName} ${advocate.lastName}`;
  await recordAudit(tx, {
    action,
    actor: null,
    actorLabel: `${name} (advocate, portal)`,
    target: { type: 'advocate', id: advocate.id, label: name },
    details,
  });
}

/** The calendar date in the advocate's time zone (UTC when they have none or it is unknown). */
export function localDateOf(now: Date, timeZone: string | null): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  try {
    return format(timeZone ?? 'UTC');
  } catch {
    return format('UTC');
  }
}
