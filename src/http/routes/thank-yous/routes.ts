import { z } from 'zod';
import { THANK_YOU_KINDS } from '../../../db/schema/index.js';
import { activityPolicy } from '../../../policies/activities.js';
import { authorize } from '../../../policies/authorize.js';
import { giveThankYou } from '../../../services/thank-yous/give-thank-you.js';
import { listThankYous } from '../../../services/thank-yous/list-thank-yous.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentThankYou, thankYouSchema } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const thankBody = z
  .object({
    kind: z.enum(THANK_YOU_KINDS),
    points: z.number().int().min(0, 'cannot be negative').max(10_000, 'must be at most 10,000').default(0),
    note: z.string().trim().max(2000, 'must be at most 2000 characters').nullable().optional(),
  })
  .strict();

export function registerThankYouRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/api/activities/:id/thank-yous',
    {
      schema: {
        tags: ['thank-yous'],
        summary: 'Log a thank-you for a use (the requester, the account’s owner or an admin; points: admins), adding its points to the advocate',
        params: idParams,
        body: thankBody,
        response: { 201: thankYouSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { kind, points, note } = request.body;
      if (points > 0) authorize(activityPolicy.givePoints(actor), 'Only the program team gives points.');
      const row = await giveThankYou(deps, actor, request.params.id, { kind, points, note: note ?? null }, (access) =>
        authorize(activityPolicy.thank(actor, access), 'Only the requester, the account’s owner and the program team thank for this use.'),
      );
      return reply.code(201).send(presentThankYou({ thankYou: row, givenBy: { id: actor.userId, name: actor.name } }));
    },
  );

  app.get(
    '/api/advocates/:id/thank-yous',
    {
      schema: {
        tags: ['thank-yous'],
        summary: 'An advocate’s thank-yous (who gave what, when) and points balance (every internal role)',
        params: idParams,
        response: { 200: z.object({ points: z.number().int(), items: z.array(thankYouSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(activityPolicy.readThankYous(actor));
      const result = await listThankYous(deps, request.params.id);
      return { points: result.points, items: result.items.map(presentThankYou) };
    },
  );
}
