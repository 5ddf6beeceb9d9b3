import type { ProgramEventMessage } from './program-event.js';
import { buildSlackMessage } from './slack-message.js';
import { buildTeamsMessage } from './teams-message.js';

export type WebhookKind = 'slack' | 'teams';

export const WEBHOOK_SERVICE_NAMES: Record<WebhookKind, string> = { slack: 'Slack', teams: 'Microsoft Teams' };

/** The JSON body to post to an endpoint of this kind. */
export function buildWebhookBody(kind: WebhookKind, message: ProgramEventMessage): Record<string, unknown> {
  return kind === 'slack' ? { ...buildSlackMessage(message) } : { ...buildTeamsMessage(message) };
}
