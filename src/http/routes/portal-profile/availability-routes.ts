import { z } from 'zod';
import { addPortalBlackout, listPortalBlackouts, removePortalBlackout } from '../../../services/portal-profile/manage-portal-blackouts.js';
import { requireAdvocate } from '../../plugins/advocate-auth.js';
import { idParams, type RouteDeps, type ZodApp } from '../types.js';
import { portalBlackoutSchema, presentPortalBlackout } from './presenter.js';
import { portalErrors, portalTags, requireAdvocateWhoMayChange } from './shared.js';
import { addBlackoutBody } from './schemas.js';

/** The advocate's availability: blackout periods, applied to matching at once. */
export function registerPortalAvailabilityRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/portal/blackouts',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'The signed-in advocate’s blackout periods, earliest first (past ones are read-only)',
        security: [],
        response: { 200: z.object({ today: z.string(), items: z.array(portalBlackoutSchema) }), ...portalErrors },
      },
    },
    async (request) => {
      const { advocateId } = await requireAdvocate(request);
      const { today, items } = await listPortalBlackouts(deps, advocateId);
      return { today, items: items.map((b) => presentPortalBlackout(b, today)) };
    },
  );

  app.post(
    '/api/portal/blackouts',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Add a period the advocate cannot help in (from today on, no overlap with another)',
        security: [],
        body: addBlackoutBody,
        response: { 201: portalBlackoutSchema, ...portalErrors },
      },
    },
    async (request, reply) => {
      const advocateId = await requireAdvocateWhoMayChange(request, deps);
      const { blackout, today } = await addPortalBlackout(deps, advocateId, { startsOn: request.body.startsOn, endsOn: request.body.endsOn, reason: request.body.reason ?? null });
      return reply.code(201).send(presentPortalBlackout(blackout, today));
    },
  );

  app.delete(
    '/api/portal/blackouts/:id',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Remove an upcoming period (one under way ends yesterday; past ones cannot change)',
        security: [],
        params: idParams,
        response: { 200: z.object({ outcome: z.enum(['removed', 'ended_early']), blackout: portalBlackoutSchema.nullable() }), ...portalErrors },
      },
    },
    async (request) => {
      const advocateId = await requireAdvocateWhoMayChange(request, deps);
      const result = await removePortalBlackout(deps, advocateId, request.params.id);
      if (result.outcome === 'removed') return { outcome: result.outcome, blackout: null };
      return { outcome: result.outcome, blackout: presentPortalBlackout(result.blackout, result.today) };
    },
  );
}
