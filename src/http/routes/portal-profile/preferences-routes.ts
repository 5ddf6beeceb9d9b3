import { getPortalPreferences } from '../../../services/portal-profile/get-portal-preferences.js';
import { updatePortalPreferences } from '../../../services/portal-profile/update-portal-preferences.js';
import { requireAdvocate } from '../../plugins/advocate-auth.js';
import type { RouteDeps, ZodApp } from '../types.js';
import { portalPreferencesSchema } from './presenter.js';
import { portalErrors, portalTags, requireAdvocateWhoMayChange } from './shared.js';
import { preferencesBody } from './schemas.js';

/** What the advocate is willing to do, how often, and which optional messages they get. */
export function registerPortalPreferenceRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/portal/preferences',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Willingness per activity type, how often the advocate will help (weighted units per window) and their message choices',
        security: [],
        response: { 200: portalPreferencesSchema, ...portalErrors },
      },
    },
    async (request) => {
      const { advocateId } = await requireAdvocate(request);
      return getPortalPreferences(deps, advocateId);
    },
  );

  app.put(
    '/api/portal/preferences',
    {
      config: { public: true },
      schema: {
        tags: portalTags,
        summary: 'Replace the advocate’s preferences; applied at once and audited (required messages cannot be turned off)',
        security: [],
        body: preferencesBody,
        response: { 200: portalPreferencesSchema, ...portalErrors },
      },
    },
    async (request) => {
      const advocateId = await requireAdvocateWhoMayChange(request, deps);
      return updatePortalPreferences(deps, advocateId, request.body);
    },
  );
}
