import { z } from 'zod';
import { ACTIVITY_STATUSES } from '../../../domain/requests/request-states.js';
import { TEAMS } from '../../../domain/roles.js';
import { activityPolicy } from '../../../policies/activities.js';
import { authorize } from '../../../policies/authorize.js';
import { listAccountHistory, listAdvocateHistory } from '../../../services/activities/activity-history.js';
import { getActivity } from '../../../services/activities/get-activity.js';
import { listActivities, type ActivityFilters } from '../../../services/activities/list-activities.js';
import { logActivity } from '../../../services/activities/log-activity.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { activityDetailSchema, activitySchema, loadSchema, presentActivity, presentActivityDetail, presentLoad } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const uuid = z.uuid({ message: 'must be a UUID' });
const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

const statusList = z
  .string()
  .transform((value) => value.split(',').map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(ACTIVITY_STATUSES)))
  .describe('Comma-separated statuses');

const filterQuery = {
  status: statusList.optional(),
  activityTypeKey: z.string().trim().max(100).optional(),
  team: z.enum(TEAMS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  outsideFlow: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: only uses logged outside requests'),
  ...pageQuery,
};

const listQuery = z.object({
  scope: z.enum(['all', 'mine']).optional().describe('all (admins; their default) or mine: on my requests, accounts and opportunities'),
  advocateId: uuid.optional(),
  accountId: uuid.optional(),
  opportunityId: uuid.optional(),
  requestId: uuid.optional(),
  ...filterQuery,
});
const historyQuery = z.object(filterQuery);

const logBody = z
  .object({
    advocateId: uuid,
    activityTypeKey: z.string().trim().min(1, 'is required').max(100),
    occursOn: isoDate,
    opportunityId: uuid.nullable().optional(),
    requestingTeam: z.enum(TEAMS),
    title: text(200).nullable().optional(),
    notes: text(10_000).nullable().optional(),
  })
  .strict();

const historySchema = pageOf(activitySchema).extend({ load: loadSchema });

function filtersOf(query: z.infer<typeof historyQuery>): ActivityFilters {
  return { status: query.status, activityTypeKey: query.activityTypeKey, team: query.team, from: query.from, to: query.to, outsideFlow: query.outsideFlow };
}

export function registerActivityRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Uses of advocates: every one for admins (with filters), otherwise those on my requests, accounts and opportunities',
        querystring: listQuery,
        response: { 200: pageOf(activitySchema), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(activityPolicy.list(actor));
      const { scope, cursor, limit, advocateId, accountId, opportunityId, requestId, ...rest } = request.query;
      const all = (scope ?? (activityPolicy.listAll(actor) ? 'all' : 'mine')) === 'all';
      if (all) authorize(activityPolicy.listAll(actor), 'Only the program team lists every activity; ask for scope=mine.');
      const page = await listActivities(
        deps,
        all ? { kind: 'all' } : { kind: 'involving', userId: actor.userId },
        { ...filtersOf({ ...rest, limit }), advocateId, accountId, opportunityId, requestId },
        { cursor, limit },
      );
      return { items: page.items.map((item) => presentActivity(item, actor)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/activities/:id',
    {
      schema: {
        tags: ['activities'],
        summary: 'One activity with its debriefs, thank-yous, redo and what the viewer may do next',
        params: idParams,
        response: { 200: activityDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const detail = await getActivity(deps, request.params.id);
      authorize(activityPolicy.view(actor, detail.access), 'Only the requester, the account and opportunity owners and the program team see this activity.');
      return presentActivityDetail(detail, actor);
    },
  );

  app.post(
    '/api/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'Log a use that did not come through a request (admins): it counts as happened against caps',
        body: logBody,
        response: { 201: activitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(activityPolicy.log(actor), 'Only the program team logs uses outside the request flow.');
      const body = request.body;
      const row = await logActivity(deps, actor, {
        ...body,
        opportunityId: body.opportunityId ?? null,
        title: body.title || null,
        notes: body.notes || null,
      });
      const detail = await getActivity(deps, row.id);
      return reply.code(201).send(presentActivity(detail, actor));
    },
  );

  app.get(
    '/api/advocates/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'An advocate’s uses and load (every internal role; details only for those who may see them)',
        params: idParams,
        querystring: historyQuery,
        response: { 200: historySchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(activityPolicy.readHistory(actor));
      const { cursor, limit } = request.query;
      const history = await listAdvocateHistory(deps, request.params.id, filtersOf(request.query), { cursor, limit });
      return { items: history.items.map((item) => presentActivity(item, actor)), nextCursor: history.nextCursor, load: presentLoad(history.load) };
    },
  );

  app.get(
    '/api/accounts/:id/activities',
    {
      schema: {
        tags: ['activities'],
        summary: 'An account’s uses across its advocates and its load against the account cap (every internal role; details as above)',
        params: idParams,
        querystring: historyQuery,
        response: { 200: historySchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(activityPolicy.readHistory(actor));
      const { cursor, limit } = request.query;
      const history = await listAccountHistory(deps, request.params.id, filtersOf(request.query), { cursor, limit });
      return { items: history.items.map((item) => presentActivity(item, actor)), nextCursor: history.nextCursor, load: presentLoad(history.load) };
    },
  );
}
