import { z } from 'zod';
import { outboxMessages } from '../../../db/schema/index.js';
import { authorize } from '../../../policies/authorize.js';
import { outboxPolicy } from '../../../policies/outbox.js';
import { getOutboxMessage, listOutboxMessages } from '../../../services/outbox/list-outbox-messages.js';
import { retryOutboxMessage } from '../../../services/outbox/retry-outbox-message.js';
import { countByStatus } from '../../../services/status-counts.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES, outboxMessageSchema, presentOutboxMessage } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerOutboxMessageRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/outbox-messages',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Outgoing messages (e-mail, Slack, Teams), newest first (admins)',
        querystring: z.object({ status: z.enum(OUTBOX_STATUSES).optional(), channel: z.enum(OUTBOX_CHANNELS).optional(), ...pageQuery }),
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
        response: { 200: z.object(Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof OUTBOX_STATUSES)[number], z.ZodNumber>), ...errors },
      },
    },
    async (request) => {
      authorize(outboxPolicy.list(requireActor(request)));
      return countByStatus(deps.db, outboxMessages, outboxMessages.status, OUTBOX_STATUSES);
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

  app.post(
    '/api/outbox-messages/:id/retry',
    {
      schema: {
        tags: ['outbox'],
        summary: 'Send a dead or failed message again, or a held e-mail once SMTP is configured (admins)',
        params: idParams,
        response: { 200: outboxMessageSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(outboxPolicy.retry(actor));
      await retryOutboxMessage(deps, actor, request.params.id);
      return presentOutboxMessage(await getOutboxMessage(deps, request.params.id));
    },
  );
}
