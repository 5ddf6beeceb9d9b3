import { TEAM_LABELS, type Team } from '../../domain/roles.js';
import { postWebhook } from '../../integrations/webhooks/post-webhook.js';
import { buildWebhookBody, WEBHOOK_SERVICE_NAMES } from '../../integrations/webhooks/webhook-body.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { getOrganization } from '../organization/get-organization.js';
import { getWebhookEndpoint } from './list-webhook-endpoints.js';

export interface WebhookTestResult {
  delivered: boolean;
  /** The HTTP status the service answered, when it answered. */
  status: number | null;
  error: string | null;
}

/**
 * Posts a test message to an endpoint straight away (not through the outbox: the admin wants
 * the answer now) and says what came back. Works on a disabled endpoint too. Audited.
 */
export async function sendTestWebhook(deps: ServiceDeps, actor: Actor, id: string, options: { timeoutMs?: number } = {}): Promise<WebhookTestResult> {
  const endpoint = await getWebhookEndpoint(deps, id);
  const org = await getOrganization(deps.db);
  const scope = endpoint.team ? `${TEAM_LABELS[endpoint.team as Team] ?? endpoint.team} requests` : 'every team’s requests';
  const body = buildWebhookBody(endpoint.kind, {
    orgName: org.name,
    title: 'Test message',
    text: `${actor.name} connected "${endpoint.name}" to Vouch. Program events for ${scope} will appear here.`,
    url: `${deps.config.publicUrl}/settings/integrations`,
    linkLabel: 'Open the integrations',
  });
  const result: WebhookTestResult = await postWebhook(endpoint.url, body, { service: WEBHOOK_SERVICE_NAMES[endpoint.kind], timeoutMs: options.timeoutMs }).then(
    ({ status }) => ({ delivered: true, status, error: null }),
    (error: unknown) => ({ delivered: false, status: (error as { status?: number | null }).status ?? null, error: error instanceof Error ? error.message : String(error) }),
  );
  await recordAudit(deps.db, {
    action: 'webhook_endpoint.tested',
    actor,
    target: { type: 'webhook_endpoint', id, label: endpoint.name },
    details: { delivered: result.delivered, status: result.status },
  });
  return result;
}
