import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { notificationPolicy } from '../../../policies/notifications.js';
import { notFound } from '../../../services/errors.js';
import { countUnreadNotifications } from '../../../services/notifications/count-unread-notifications.js';
import { listNotifications } from '../../../services/notifications/list-notifications.js';
import { getNotificationAccess, markAllNotificationsRead, markNotificationRead } from '../../../services/notifications/mark-notifications-read.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { notificationSchema, presentNotification } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };

const listQuery = z.object({
  unread: z.stringbool({ error: 'must be true or false' }).default(false).describe('true: only the ones not read yet'),
  ...pageQuery,
});

export function registerNotificationRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Your in-app notifications, newest first (keyset-paged; unread=true for the unread ones only)',
        querystring: listQuery,
        response: { 200: pageOf(notificationSchema), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(notificationPolicy.use(actor));
      const page = await listNotifications(deps, actor, request.query);
      return { items: page.items.map(presentNotification), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of your notifications are not read yet (the bell)',
        response: { 200: z.object({ unread: z.number().int().min(0) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(notificationPolicy.use(actor));
      return { unread: await countUnreadNotifications(deps, actor) };
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark every one of your notifications read',
        response: { 200: z.object({ marked: z.number().int().min(0) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(notificationPolicy.use(actor));
      return markAllNotificationsRead(deps, actor);
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark one of your notifications read (another person’s answers 404)',
        params: idParams,
        response: { 200: notificationSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(notificationPolicy.use(actor));
      // Another person's notification answers exactly like a missing one.
      if (!notificationPolicy.manage(actor, await getNotificationAccess(deps, request.params.id))) throw notFound('The notification');
      return presentNotification(await markNotificationRead(deps, actor, request.params.id));
    },
  );
}
