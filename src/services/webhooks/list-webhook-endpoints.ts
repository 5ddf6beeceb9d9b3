import { asc, eq } from 'drizzle-orm';
import { webhookEndpoints, type WebhookEndpointRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/** Every Slack and Teams endpoint, oldest first (a handful at most). */
export async function listWebhookEndpoints(deps: ServiceDeps): Promise<WebhookEndpointRow[]> {
  return deps.db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function getWebhookEndpoint(deps: ServiceDeps, id: string): Promise<WebhookEndpointRow> {
  const [row] = await deps.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  if (!row) throw notFound('The webhook endpoint');
  return row;
}
