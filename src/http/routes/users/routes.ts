import { z } from 'zod';
import { ROLES, TEAMS } from '../../../domain/roles.js';
import { authorize } from '../../../policies/authorize.js';
import { userPolicy } from '../../../policies/users.js';
import { getUser, listUsers } from '../../../services/users/list-users.js';
import { setUserActive, updateUser } from '../../../services/users/update-user.js';
import { users } from '../../../db/schema/index.js';
import { countByStatus } from '../../../services/status-counts.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentUser, userSchema } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerUserRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'List users (admins)',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          role: z.enum(ROLES).optional(),
          team: z.enum(TEAMS).optional(),
          status: z.enum(['active', 'deactivated']).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(userSchema), ...errors },
      },
    },
    async (request) => {
      authorize(userPolicy.list(requireActor(request)));
      const page = await listUsers(deps, request.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/users/counts',
    {
      schema: {
        tags: ['users'],
        summary: 'How many users are active and deactivated (admins)',
        response: { 200: z.object({ active: z.number().int(), deactivated: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      authorize(userPolicy.list(requireActor(request)));
      return countByStatus(deps.db, users, users.status, ['active', 'deactivated'] as const);
    },
  );

  app.get(
    '/api/users/:id',
    { schema: { tags: ['users'], summary: 'One user (admins, or yourself)', params: idParams, response: { 200: userSchema, ...errors } } },
    async (request) => {
      authorize(userPolicy.view(requireActor(request), request.params.id));
      return presentUser(await getUser(deps, request.params.id));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: "Change a user's name, roles or team (admins)",
        params: idParams,
        body: z
          .object({
            name: z.string().trim().min(1, 'is required').max(200).optional(),
            roles: z.array(z.enum(ROLES)).min(1, 'needs at least one role').max(ROLES.length).optional(),
            team: z.enum(TEAMS).optional(),
          })
          .strict(),
        response: { 200: userSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(userPolicy.update(actor));
      return presentUser(await updateUser(deps, actor, request.params.id, request.body));
    },
  );

  for (const [verb, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(
      `/api/users/:id/${verb}`,
      {
        schema: {
          tags: ['users'],
          summary: active ? 'Reactivate a user (admins)' : 'Deactivate a user and end their sessions (admins)',
          params: idParams,
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(userPolicy.deactivate(actor, request.params.id), active ? undefined : 'Admins cannot deactivate themselves.');
        return presentUser(await setUserActive(deps, actor, request.params.id, active));
      },
    );
  }
}
