import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { requestPolicy } from '../../../policies/requests.js';
import { listApprovals } from '../../../services/requests/list-approvals.js';
import { requireActor } from '../../plugins/auth.js';
import { pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { approvalSchema, presentApproval } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export function registerApprovalRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/approvals',
    {
      schema: {
        tags: ['requests'],
        summary: 'Uses of your accounts waiting for your approval (due soonest first, overdue flagged), or those you decided; admins may see everyone’s',
        querystring: z.object({
          status: z.enum(['pending', 'decided']).default('pending'),
          scope: z.enum(['mine', 'all']).default('mine'),
          ...pageQuery,
        }),
        response: { 200: pageOf(approvalSchema), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(request.query.scope === 'all' ? requestPolicy.queue(actor) : requestPolicy.approvals(actor), 'Approvals are for relationship owners.');
      const page = await listApprovals(deps, actor, request.query);
      return { items: page.items.map(presentApproval), nextCursor: page.nextCursor };
    },
  );
}
