import { webhookEndpoints, type WebhookEndpointRow } from '../../db/schema/index.js';
import { maskWebhookUrl } from '../../integrations/webhooks/webhook-url.js';
import type { WebhookKind } from '../../integrations/webhooks/webhook-body.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { checkWebhookEndpointFields } from './webhook-endpoint-input.js';

export interface NewWebhookEndpoint {
  kind: WebhookKind;
  name: string;
  url: string;
  team: string | null;
  events: string[];
  enabled: boolean;
}

/** Adds a Slack or Teams endpoint (admins), audited without its URL. */
export async function createWebhookEndpoint(deps: ServiceDeps, actor: Actor, input: NewWebhookEndpoint): Promise<WebhookEndpointRow> {
  checkWebhookEndpointFields(deps, input.kind, input);
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ kind: input.kind, name: input.name, url: input.url.trim(), team: input.team, events: [...new Set(input.events)], enabled: input.enabled, createdByUserId: actor.userId, createdAt: now, updatedAt: now })
      .returning();
    if (!row) throw new Error('webhook endpoint insert returned nothing');
    await recordAudit(tx, {
      action: 'webhook_endpoint.created',
      actor,
      target: { type: 'webhook_endpoint', id: row.id, label: row.name },
      details: { kind: row.kind, url: maskWebhookUrl(row.url), team: row.team, events: row.events, enabled: row.enabled },
    });
    return row;
  });
}
