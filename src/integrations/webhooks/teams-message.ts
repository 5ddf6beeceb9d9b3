import type { ProgramEventMessage } from './program-event.js';

export interface TeamsMessage {
  type: 'message';
  attachments: Array<{ contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: Record<string, unknown> }>;
}

/**
 * The body for a Microsoft Teams incoming webhook: a message carrying one Adaptive Card
 * (version 1.4), the shape Microsoft documents for both Office 365 connector webhooks and
 * the Workflows "post to a channel when a webhook request is received" flow.
 */
export function buildTeamsMessage(message: ProgramEventMessage): TeamsMessage {
  const body: Array<Record<string, unknown>> = [
    { type: 'TextBlock', text: message.title, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: message.text, wrap: true },
    { type: 'TextBlock', text: `${message.orgName} · Vouch`, isSubtle: true, size: 'Small', wrap: true, spacing: 'Small' },
  ];
  const content: Record<string, unknown> = {
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    type: 'AdaptiveCard',
    version: '1.4',
    body,
  };
  if (message.url) content.actions = [{ type: 'Action.OpenUrl', title: message.linkLabel ?? 'Open in Vouch', url: message.url }];
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] };
}
