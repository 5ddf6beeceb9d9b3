import { and, arrayContains, eq, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { outboxMessages, webhookEndpoints } from '../../db/schema/index.js';
import { notificationKindInfo, type NotificationKind } from '../../domain/notifications/catalog.js';
import { buildWebhookBody } from '../../integrations/webhooks/webhook-body.js';

export interface ProgramEventPost {
  kind: NotificationKind;
  orgName: string;
  /** The requesting team: endpoints for that team, and those for the whole program, hear it. */
  team: string | null;
  text: string;
  url?: string;
  dedupeKey?: string;
  /** When the posts are due (the notice's clock). */
  now: Date;
}

/**
 * One outbox row per enabled Slack or Teams endpoint that listens to this event: recipient is
 * the endpoint's id (the URL, a secret, is read at send time), payload the body to post.
 * Returns how many rows were written (a repeated dedupe key writes none).
 */
export async function writeWebhookPosts(tx: Executor, event: ProgramEventPost): Promise<number> {
  const teamMatch = event.team ? or(isNull(webhookEndpoints.team), eq(webhookEndpoints.team, event.team)) : isNull(webhookEndpoints.team);
  const endpoints = await tx
    .select({ id: webhookEndpoints.id, kind: webhookEndpoints.kind })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), teamMatch, or(sql`cardinality(${webhookEndpoints.events}) = 0`, arrayContains(webhookEndpoints.events, [event.kind]))))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  if (endpoints.length === 0) return 0;
  const title = notificationKindInfo(event.kind).label;
  const rows = endpoints.map((endpoint) => ({
    kind: event.kind,
    channel: endpoint.kind,
    recipient: endpoint.id,
    subject: title,
    bodyText: event.text,
    bodyHtml: '',
    payload: buildWebhookBody(endpoint.kind, { orgName: event.orgName, title, text: event.text, url: event.url, linkLabel: 'Open in Vouch' }),
    status: 'pending' as const,
    availableAt: event.now,
    dedupeKey: event.dedupeKey ? `${event.dedupeKey}:${endpoint.id}` : null,
  }));
  const written = await tx.insert(outboxMessages).values(rows).onConflictDoNothing().returning({ id: outboxMessages.id });
  return written.length;
}
