import { z } from 'zod';
import { auditPolicy } from '../../../policies/audit.js';
import { authorize } from '../../../policies/authorize.js';
import { AUDIT_ACTIONS } from '../../../services/audit/record-audit.js';
import { listAuditEvents } from '../../../services/audit/list-audit-events.js';
import { requireActor } from '../../plugins/auth.js';
import { pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    action: z.string(),
    actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
    actorLabel: z.string().nullable(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    targetLabel: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export function registerAuditEventRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        summary: 'The append-only audit log, newest first (admins)',
        querystring: z.object({
          action: z.string().max(100).optional(),
          actorId: z.uuid({ message: 'must be a UUID' }).optional(),
          targetType: z.string().max(100).optional(),
          targetId: z.string().max(200).optional(),
          from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
          to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(auditEventSchema), ...errors },
      },
    },
    async (request) => {
      authorize(auditPolicy.list(requireActor(request)));
      const { from, to, ...rest } = request.query;
      const page = await listAuditEvents(deps, { ...rest, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined });
      return {
        nextCursor: page.nextCursor,
        items: page.items.map(({ event, actor }) => ({
          id: String(event.id),
          at: event.at.toISOString(),
          action: event.action,
          actor: actor?.id ? { id: actor.id, name: actor.name, email: actor.email } : null,
          actorLabel: event.actorLabel,
          targetType: event.targetType,
          targetId: event.targetId,
          targetLabel: event.targetLabel,
          ip: event.ip,
          details: event.details,
        })),
      };
    },
  );

  app.get(
    '/api/audit-events/actions',
    { schema: { tags: ['audit'], summary: 'Known audit actions, for filters (admins)', response: { 200: z.object({ items: z.array(z.string()) }), ...errors } } },
    async (request) => {
      authorize(auditPolicy.list(requireActor(request)));
      return { items: [...AUDIT_ACTIONS] };
    },
  );
}
