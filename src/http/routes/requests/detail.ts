import { authorize } from '../../../policies/authorize.js';
import { requestPolicy } from '../../../policies/requests.js';
import type { Actor } from '../../../services/context.js';
import { getRequest } from '../../../services/requests/get-request.js';
import { getRequestAccess } from '../../../services/requests/load-request.js';
import type { RouteDeps } from '../types.js';
import { presentRequestDetail, type RequestDetailView } from './presenter.js';

/** The request as the viewer may see it, after checking they may see it at all. */
export async function requestDetailFor(deps: RouteDeps, actor: Actor, id: string): Promise<RequestDetailView> {
  const access = await getRequestAccess(deps, id);
  authorize(requestPolicy.view(actor, access), 'You can see only your own requests, and those asking for your accounts.');
  return presentRequestDetail(await getRequest(deps, actor, access.request, access), deps.now());
}

