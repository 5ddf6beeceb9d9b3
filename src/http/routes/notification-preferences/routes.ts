import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { notificationPolicy } from '../../../policies/notifications.js';
import { listNotificationPreferences } from '../../../services/notification-preferences/list-notification-preferences.js';
import { updateNotificationPreferences } from '../../../services/notification-preferences/update-notification-preferences.js';
import { requireActor } from '../../plugins/auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { notificationPreferencesSchema, presentNotificationPreferences } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

const updateBody = z
  .object({
    preferences: z
      .record(z.string().max(100, 'must be at most 100 characters'), z.boolean({ error: 'must be true or false' }))
      .refine((value) => Object.keys(value).length <= 100, 'names too many kinds')
      .describe('Optional message kinds to turn on (true) or off (false); kinds not named keep their current choice'),
  })
  .strict();

export function registerNotificationPreferenceRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The messages Vouch sends you and whether you get each (required ones are always on)',
        response: { 200: notificationPreferencesSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(notificationPolicy.managePreferences(actor));
      return presentNotificationPreferences(await listNotificationPreferences(deps, actor));
    },
  );

  app.put(
    '/api/me/notification-preferences',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Turn optional messages on or off for yourself (unknown and required kinds are refused); audited',
        body: updateBody,
        response: { 200: notificationPreferencesSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(notificationPolicy.managePreferences(actor));
      return presentNotificationPreferences(await updateNotificationPreferences(deps, actor, request.body.preferences));
    },
  );
}
