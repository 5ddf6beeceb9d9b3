import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '../../db/schema/index.js';
import { maskWebhookUrl } from '../../integrations/webhooks/webhook-url.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/**
 * Removes an endpoint. Posts still queued for it are not delivered: the dispatcher finds the
 * endpoint gone and marks them dead, saying so.
 */
export async function deleteWebhookEndpoint(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const [row] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning();
    if (!row) throw notFound('The webhook endpoint');
    await recordAudit(tx, {
      action: 'webhook_endpoint.deleted',
      actor,
      target: { type: 'webhook_endpoint', id, label: row.name },
      details: { kind: row.kind, url: maskWebhookUrl(row.url), team: row.team },
    });
  });
}
