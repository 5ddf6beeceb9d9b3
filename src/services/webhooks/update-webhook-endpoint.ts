import { eq } from 'drizzle-orm';
import { webhookEndpoints, type WebhookEndpointRow } from '../../db/schema/index.js';
import { maskWebhookUrl } from '../../integrations/webhooks/webhook-url.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import { checkWebhookEndpointFields } from './webhook-endpoint-input.js';

export interface WebhookEndpointChanges {
  name?: string;
  url?: string;
  team?: string | null;
  events?: string[];
  enabled?: boolean;
}

/** Renames, re-points, re-routes, turns on or off an endpoint (its kind stays). Audited; the URL masked. */
export async function updateWebhookEndpoint(deps: ServiceDeps, actor: Actor, id: string, changes: WebhookEndpointChanges): Promise<WebhookEndpointRow> {
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).for('update');
    if (!before) throw notFound('The webhook endpoint');
    checkWebhookEndpointFields(deps, before.kind, changes);
    const set: Partial<typeof webhookEndpoints.$inferInsert> = { updatedAt: deps.now() };
    const changed: Record<string, unknown> = {};
    if (changes.name !== undefined && changes.name !== before.name) changed.name = set.name = changes.name;
    if (changes.url !== undefined && changes.url.trim() !== before.url) {
      set.url = changes.url.trim();
      changed.url = maskWebhookUrl(set.url);
    }
    if (changes.team !== undefined && changes.team !== before.team) changed.team = set.team = changes.team;
    if (changes.events !== undefined) {
      const events = [...new Set(changes.events)];
      if (events.join('\n') !== before.events.join('\n')) changed.events = set.events = events;
    }
    if (changes.enabled !== undefined && changes.enabled !== before.enabled) changed.enabled = set.enabled = changes.enabled;
    if (Object.keys(changed).length === 0) return before;
    const [row] = await tx.update(webhookEndpoints).set(set).where(eq(webhookEndpoints.id, id)).returning();
    if (!row) throw notFound('The webhook endpoint');
    await recordAudit(tx, { action: 'webhook_endpoint.updated', actor, target: { type: 'webhook_endpoint', id, label: row.name }, details: { changed } });
    return row;
  });
}
