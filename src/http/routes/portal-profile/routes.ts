import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { portalProfilePolicy } from '../../../policies/portal-profile.js';
import { getPortalAccess, getPortalProfile } from '../../../services/portal-profile/get-portal-profile.js';
import { listProfileOptions } from '../../../services/portal-profile/list-profile-options.js';
import { proposeProfileChange } from '../../../services/portal-profile/propose-profile-change.js';
import { requireAdvocate } from '../../plugins/advocate-auth.js';
import type { RouteDeps, ZodApp } from '../types.js';
import { registerPortalAvailabilityRoutes } from './availability-routes.js';
import { registerPortalPreferenceRoutes } from './preferences-routes.js';
import { portalProfileSchema, presentPortalProfile, presentProposal, profileOptionsSchema } from './presenter.js';
import { proposeBody } from './schemas.js';
import { portalErrors, portalTags, requireAdvocateWhoMayChange } from './shared.js';

/** The advocate's own profile, availability and preferences in the portal (`/api/portal/…`). */
export function registerPortalProfileRoutes(app: ZodApp, deps: RouteDeps): void {
  registerPortalAvailabilityRoutes(app, deps);
  registerPortalPreferenceRoutes(app, deps);
  const present = async (advocateId: string) =>
    presentPortalProfile(await getPortalProfile(deps, advocateId), { now: deps.now(), staleAfterMonths: deps.config.staleAfterMonths });

  app.get(
    '/api/portal/profile',
    {
      config: { public: true },
      schema: { tags: portalTags, summary: 'The signed-in advocate’s profile as they may see it, with any change waiting for review', security: [], response: { 200: portalProfileSchema, ...portalErrors } },
    },
    async (request) => {
      const { advocateId } = await requireAdvocate(request);
      authorize(portalProfilePolicy.read(await getPortalAccess(deps, advocateId)));
      return present(advocateId);
    },
  );

  app.get(
    '/api/portal/profile-options',
    {
      config: { public: true },
      schema: { tags: portalTags, summary: 'The values the advocate may pick: countries, languages, topics, use cases, products', security: [], response: { 200: profileOptionsSchema, ...portalErrors } },
    },
    async (request) => {
      const { advocateId } = await requireAdvocate(request);
      return listProfileOptions(deps, advocateId);
    },
  );

  app.post(
    '/api/portal/profile-changes',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Propose profile changes for the program team to review (201), or confirm the profile is still right by proposing none (200)',
        security: [],
        body: proposeBody,
        response: {
          200: z.object({ outcome: z.literal('verified'), lastVerifiedAt: z.string(), profile: portalProfileSchema }),
          201: z.object({ outcome: z.literal('proposed'), change: portalProfileSchema.shape.lastDecision.unwrap(), supersededId: z.uuid().nullable(), profile: portalProfileSchema }),
          ...portalErrors,
        },
      },
    },
    async (request, reply) => {
      const advocateId = await requireAdvocateWhoMayChange(request, deps);
      const result = await proposeProfileChange(deps, advocateId, request.body.changes);
      const profile = await present(advocateId);
      if (result.outcome === 'verified') return reply.code(200).send({ outcome: 'verified', lastVerifiedAt: result.lastVerifiedAt.toISOString(), profile });
      return reply.code(201).send({ outcome: 'proposed', change: presentProposal(result.change), supersededId: result.supersededId, profile });
    },
  );
}
