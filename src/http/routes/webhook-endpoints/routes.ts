import { z } from 'zod';
import { notificationKindInfo } from '../../../domain/notifications/catalog.js';
import { authorize } from '../../../policies/authorize.js';
import { webhookPolicy } from '../../../policies/webhooks.js';
import { createWebhookEndpoint } from '../../../services/webhooks/create-webhook-endpoint.js';
import { deleteWebhookEndpoint } from '../../../services/webhooks/delete-webhook-endpoint.js';
import { listWebhookEndpoints } from '../../../services/webhooks/list-webhook-endpoints.js';
import { sendTestWebhook } from '../../../services/webhooks/send-test-webhook.js';
import { updateWebhookEndpoint } from '../../../services/webhooks/update-webhook-endpoint.js';
import { PROGRAM_EVENT_KINDS } from '../../../services/webhooks/webhook-endpoint-input.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentWebhookEndpoint, webhookEndpointSchema } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

const name = z.string().trim().min(1, 'is required').max(120, 'must be at most 120 characters');
const url = z.string().trim().min(1, 'is required').max(2048, 'must be at most 2048 characters');
const team = z.string().trim().max(60).nullable();
const events = z.array(z.string().max(80)).max(50, 'must list at most 50 events');

const createBody = z.object({ kind: z.enum(['slack', 'teams']), name, url, team: team.default(null), events: events.default([]), enabled: z.boolean().default(true) }).strict();
const updateBody = z.object({ name: name.optional(), url: url.optional(), team: team.optional(), events: events.optional(), enabled: z.boolean().optional() }).strict();

export function registerWebhookEndpointRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/webhook-endpoints',
    {
      schema: {
        tags: ['webhook-endpoints'],
        summary: 'Slack and Teams endpoints for program events, with the events they may listen to (admins)',
        response: {
          200: z.object({ items: z.array(webhookEndpointSchema), events: z.array(z.object({ kind: z.string(), label: z.string(), description: z.string() })) }),
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(webhookPolicy.list(requireActor(request)));
      const rows = await listWebhookEndpoints(deps);
      return {
        items: rows.map(presentWebhookEndpoint),
        events: PROGRAM_EVENT_KINDS.map((kind) => ({ kind, label: notificationKindInfo(kind).label, description: notificationKindInfo(kind).description })),
      };
    },
  );

  app.post(
    '/api/webhook-endpoints',
    { schema: { tags: ['webhook-endpoints'], summary: 'Add a Slack or Teams incoming webhook (admins)', body: createBody, response: { 201: webhookEndpointSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(webhookPolicy.manage(actor));
      const row = await createWebhookEndpoint(deps, actor, request.body);
      return reply.code(201).send(presentWebhookEndpoint(row));
    },
  );

  app.patch(
    '/api/webhook-endpoints/:id',
    {
      schema: {
        tags: ['webhook-endpoints'],
        summary: 'Rename, re-point, re-route or turn an endpoint on or off (admins)',
        params: idParams,
        body: updateBody,
        response: { 200: webhookEndpointSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(webhookPolicy.manage(actor));
      return presentWebhookEndpoint(await updateWebhookEndpoint(deps, actor, request.params.id, request.body));
    },
  );

  app.delete(
    '/api/webhook-endpoints/:id',
    { schema: { tags: ['webhook-endpoints'], summary: 'Remove an endpoint (admins)', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(webhookPolicy.manage(actor));
      await deleteWebhookEndpoint(deps, actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/webhook-endpoints/:id/test',
    {
      schema: {
        tags: ['webhook-endpoints'],
        summary: 'Post a test message now and report the answer (admins)',
        params: idParams,
        response: { 200: z.object({ delivered: z.boolean(), status: z.number().int().nullable(), error: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(webhookPolicy.manage(actor));
      return sendTestWebhook(deps, actor, request.params.id);
    },
  );
}
