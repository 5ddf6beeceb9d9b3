import { authorize } from '../../../policies/authorize.js';
import { advocateImpactPolicy } from '../../../policies/portal.js';
import { getAdvocateImpact } from '../../../services/portal/get-advocate-impact.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { advocateImpactSchema, presentAdvocateImpact } from './presenter.js';

/** An advocate's impact for internal users: the same query as the advocate's own portal page. */
export function registerAdvocateImpactRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/advocates/:id/impact',
    {
      schema: {
        tags: ['advocates'],
        summary: 'An advocate’s impact: uses, deals won with their help (by name, with amounts), thank-yous and points (admins and the account’s relationship owner)',
        params: idParams,
        response: { 200: advocateImpactSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const impact = await getAdvocateImpact(deps, request.params.id, (access) =>
        authorize(advocateImpactPolicy.read(actor, access), 'Only the program team and the account’s relationship owner see an advocate’s impact.'),
      );
      return presentAdvocateImpact(impact);
    },
  );
}
