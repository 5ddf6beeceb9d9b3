import { isNotificationKind, notificationKindInfo, NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications/catalog.js';
import { TEAMS } from '../../domain/roles.js';
import { checkWebhookUrl } from '../../integrations/webhooks/webhook-url.js';
import type { WebhookKind } from '../../integrations/webhooks/webhook-body.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput, type FieldError } from '../errors.js';

/** The kinds a program channel can listen to (the catalogue's program events). */
export const PROGRAM_EVENT_KINDS = (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).filter((k) => notificationKindInfo(k).programEvent);

export interface WebhookEndpointFields {
  name?: string;
  url?: string;
  team?: string | null;
  events?: string[];
}

/** Checks what an admin typed, one reason per field; throws a 400 listing every problem. */
export function checkWebhookEndpointFields(deps: Pick<ServiceDeps, 'config'>, kind: WebhookKind, fields: WebhookEndpointFields): void {
  const errors: FieldError[] = [];
  if (fields.url !== undefined) {
    const reason = checkWebhookUrl(kind, fields.url, { allowAnyUrl: deps.config.webhooks.allowAnyUrl });
    if (reason) errors.push({ field: 'url', reason });
  }
  if (fields.team !== undefined && fields.team !== null && !(TEAMS as readonly string[]).includes(fields.team)) {
    errors.push({ field: 'team', reason: 'must be one of the teams, or empty for the whole program' });
  }
  for (const [i, event] of (fields.events ?? []).entries()) {
    if (!isNotificationKind(event) || !notificationKindInfo(event).programEvent) errors.push({ field: `events.${i}`, reason: `"${event}" is not a program event` });
  }
  if (errors.length > 0) throw invalidInput(errors);
}
