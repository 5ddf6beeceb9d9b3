import { z } from 'zod';
import { outboxMessages, type OutboxMessageRow } from '../../../db/schema/index.js';
import { countByStatus } from '../../../services/status-counts.js';
import { authorize } from '../../../policies/authorize.js';
import { outboxPolicy } from '../../../policies/outbox.js';
import { getOutboxMessage, listOutboxMessages } from '../../../services/outbox/list-outbox-messages.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const STATUSES = ['pending', 'sent', 'failed', 'dead', 'held'] as const;

const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    status: z.enum(STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'OutboxMessage' });

function presentOutboxMessage(m: OutboxMessageRow): z.infer<typeof outboxMessageSchema> {
  return {
    id: m.id,
    kind: m.kind,
    to: m.recipient,
    subject: m.subject,
    text: m.bodyText,
    html: m.bodyHtml,
    status: m.status,
    attempts: m.attempts,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  };
}

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

export function registerOutboxMessageRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/outbox-messages',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Outgoing messages, newest first (admins)',
        querystring: z.object({ status: z.enum(STATUSES).optional(), ...pageQuery }),
        response: { 200: pageOf(outboxMessageSchema), ...errors },
      },
    },
    async (request) => {
      authorize(outboxPolicy.list(requireActor(request)));
      const page = await listOutboxMessages(deps, request.query);
      return { items: page.items.map(presentOutboxMessage), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/outbox-messages/counts',
    {
      schema: {
        tags: ['outbox'],
        summary: 'How many messages are in each delivery status (admins)',
        response: { 200: z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof STATUSES)[number], z.ZodNumber>), ...errors },
      },
    },
    async (request) => {
      authorize(outboxPolicy.list(requireActor(request)));
      return countByStatus(deps.db, outboxMessages, outboxMessages.status, STATUSES);
    },
  );

  app.get(
    '/api/outbox-messages/:id',
    { schema: { tags: ['outbox'], summary: 'One outgoing message (admins)', params: idParams, response: { 200: outboxMessageSchema, ...errors } } },
    async (request) => {
      authorize(outboxPolicy.view(requireActor(request)));
      return presentOutboxMessage(await getOutboxMessage(deps, request.params.id));
    },
  );
}
