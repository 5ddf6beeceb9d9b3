import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { requestPolicy } from '../../../policies/requests.js';
import { cancelRequest } from '../../../services/requests/cancel-request.js';
import { createRequest } from '../../../services/requests/create-request.js';
import { loadOpportunitySummary } from '../../../services/requests/get-request.js';
import { listRequests } from '../../../services/requests/list-requests.js';
import { getRequestAccess } from '../../../services/requests/load-request.js';
import { requestDetailFor } from './detail.js';
import { overrideReadiness } from '../../../services/requests/override-readiness.js';
import { previewRequest } from '../../../services/requests/preview-request.js';
import { submitRequest } from '../../../services/requests/submit-request.js';
import { updateRequest } from '../../../services/requests/update-request.js';
import { notFound } from '../../../services/errors.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { registerCandidateRoutes } from './candidate-routes.js';
import { presentPreview, presentRequestSummary, requestDetailSchema, requestPreviewSchema, requestSummarySchema } from './presenter.js';
import { cancelRequestBody, createRequestBody, listRequestsQuery, previewRequestBody, reasonBody, submitRequestBody, updateRequestBody } from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['requests'];

export function registerRequestRoutes(app: ZodApp, deps: RouteDeps): void {
  registerCandidateRoutes(app, deps);

  app.get(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Reference requests, newest first: your own (scope=mine), or everyone’s for admins (scope=all)',
        querystring: listRequestsQuery,
        response: { 200: pageOf(requestSummarySchema), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const query = request.query;
      authorize(query.scope === 'all' ? requestPolicy.listAll(actor) : requestPolicy.listMine(actor), 'Only program admins see every request.');
      const page = await listRequests(deps, actor, query);
      return { items: page.items.map(presentRequestSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/opportunities/:id/requests',
    {
      schema: {
        tags,
        summary: 'The requests of one opportunity (admins and the opportunity’s owner see all; others their own)',
        params: idParams,
        response: { 200: z.object({ items: z.array(requestSummarySchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(requestPolicy.listMine(actor));
      const opportunity = await loadOpportunitySummary(deps, request.params.id);
      if (!opportunity) throw notFound('The opportunity');
      const all = requestPolicy.listAll(actor) || opportunity?.ownerUserId === actor.userId;
      const page = await listRequests(deps, actor, { scope: all ? 'all' : 'mine', opportunityId: request.params.id, limit: 200 });
      return { items: page.items.map(presentRequestSummary) };
    },
  );

  app.post(
    '/api/requests/preview',
    {
      schema: {
        tags,
        summary: 'Live check of the request form: readiness, lead time and the fulfilment estimate (writes nothing)',
        body: previewRequestBody,
        response: { 200: requestPreviewSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(requestPolicy.create(actor));
      return presentPreview(await previewRequest(deps, actor, request.body));
    },
  );

  app.post(
    '/api/requests',
    {
      schema: {
        tags,
        summary: 'Create a request (sales for their opportunities; marketing with a purpose), as a draft or submitted at once',
        body: createRequestBody,
        response: { 201: requestDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(requestPolicy.create(actor), 'Only sales, marketing and program admins request references.');
      const created = await createRequest(deps, actor, request.body);
      return reply.code(201).send(await requestDetailFor(deps, actor, created.id));
    },
  );

  app.get(
    '/api/requests/:id',
    {
      schema: {
        tags,
        summary: 'One request with its candidates (never contact details), timeline and what you may do next',
        params: idParams,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) => requestDetailFor(deps, requireActor(request), request.params.id),
  );

  app.patch(
    '/api/requests/:id',
    {
      schema: { tags, summary: 'Change a draft or blocked request (its requester, or an admin)', params: idParams, body: updateRequestBody, response: { 200: requestDetailSchema, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await getRequestAccess(deps, request.params.id);
      authorize(requestPolicy.edit(actor, access), 'Only the requester or an admin can change this request.');
      await updateRequest(deps, actor, request.params.id, request.body, () => undefined);
      return requestDetailFor(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/requests/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit a draft or re-submit a blocked request (its requester): blocked with what is missing, or on to matching',
        params: idParams,
        body: submitRequestBody,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await getRequestAccess(deps, request.params.id);
      authorize(requestPolicy.submit(actor, access), 'Only the requester submits a request.');
      await submitRequest(deps, actor, request.params.id, request.body);
      return requestDetailFor(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/requests/:id/override-readiness',
    {
      schema: { tags, summary: 'Let a blocked request through the readiness gate (admins, with a reason; audited)', params: idParams, body: reasonBody, response: { 200: requestDetailSchema, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(requestPolicy.overrideReadiness(actor), 'Only program admins can override the readiness gate.');
      await overrideReadiness(deps, actor, request.params.id, request.body.reason);
      return requestDetailFor(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/requests/:id/cancel',
    {
      schema: {
        tags,
        summary: 'End a request without (further) references, with the reason (requester or admin); candidates in flight are withdrawn',
        params: idParams,
        body: cancelRequestBody,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await getRequestAccess(deps, request.params.id);
      authorize(requestPolicy.cancel(actor, access), 'Only the requester or an admin can cancel this request.');
      await cancelRequest(deps, actor, request.params.id, request.body);
      return requestDetailFor(deps, actor, request.params.id);
    },
  );
}
