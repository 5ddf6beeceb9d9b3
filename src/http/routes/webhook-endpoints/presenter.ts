import { z } from 'zod';
import type { WebhookEndpointRow } from '../../../db/schema/index.js';
import { maskWebhookUrl } from '../../../integrations/webhooks/webhook-url.js';

export const webhookEndpointSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['slack', 'teams']),
    name: z.string(),
    /** Host and last four characters: the whole URL is a secret and never leaves the server. */
    urlHint: z.string(),
    team: z.string().nullable(),
    events: z.array(z.string()),
    enabled: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'WebhookEndpoint' });

export function presentWebhookEndpoint(row: WebhookEndpointRow): z.infer<typeof webhookEndpointSchema> {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    urlHint: maskWebhookUrl(row.url),
    team: row.team,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
