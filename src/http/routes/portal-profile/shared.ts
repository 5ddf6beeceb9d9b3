import type { FastifyRequest } from 'fastify';
import { authorize } from '../../../policies/authorize.js';
import { PORTAL_CHANGE_REFUSED, portalProfilePolicy } from '../../../policies/portal-profile.js';
import { getPortalAccess } from '../../../services/portal-profile/get-portal-profile.js';
import { requireAdvocate } from '../../plugins/advocate-auth.js';
import { problemSchema, type RouteDeps } from '../types.js';

export const portalTags = ['portal'];
export const portalErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** The signed-in advocate, allowed to change their own data (403 for someone who left). */
export async function requireAdvocateWhoMayChange(request: FastifyRequest, deps: RouteDeps): Promise<string> {
  const { advocateId } = await requireAdvocate(request);
  authorize(portalProfilePolicy.change(await getPortalAccess(deps, advocateId)), PORTAL_CHANGE_REFUSED);
  return advocateId;
}
