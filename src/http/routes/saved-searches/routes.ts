import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { savedSearchPolicy } from '../../../policies/saved-searches.js';
import type { Actor } from '../../../services/context.js';
import { notFound } from '../../../services/errors.js';
import { deleteSavedSearch } from '../../../services/saved-searches/delete-saved-search.js';
import { getSavedSearchAccess, listSavedSearches } from '../../../services/saved-searches/list-saved-searches.js';
import { saveSearch } from '../../../services/saved-searches/save-search.js';
import { updateSavedSearch } from '../../../services/saved-searches/update-saved-search.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentSavedSearch, savedSearchSchema } from './presenter.js';
import { createSavedSearchBody, updateSavedSearchBody } from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export function registerSavedSearchRoutes(app: ZodApp, deps: RouteDeps): void {
  /** Another person's saved search answers exactly like a missing one. */
  const authorizeOwn = async (actor: Actor, id: string) => {
    authorize(savedSearchPolicy.use(actor));
    if (!savedSearchPolicy.manage(actor, await getSavedSearchAccess(deps, id))) throw notFound('The saved search');
  };

  app.get(
    '/api/saved-searches',
    { schema: { tags: ['saved-searches'], summary: 'Your saved advocate searches, by name', response: { 200: z.object({ items: z.array(savedSearchSchema) }), ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(savedSearchPolicy.use(actor));
      return { items: (await listSavedSearches(deps, actor)).map(presentSavedSearch) };
    },
  );

  app.post(
    '/api/saved-searches',
    {
      schema: {
        tags: ['saved-searches'],
        summary: 'Save an advocate search under a name (unique per person, ignoring case)',
        body: createSavedSearchBody,
        response: { 201: savedSearchSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(savedSearchPolicy.use(actor));
      return reply.code(201).send(presentSavedSearch(await saveSearch(deps, actor, request.body)));
    },
  );

  app.patch(
    '/api/saved-searches/:id',
    {
      schema: {
        tags: ['saved-searches'],
        summary: 'Rename a saved search or replace its query (your own only)',
        params: idParams,
        body: updateSavedSearchBody,
        response: { 200: savedSearchSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await authorizeOwn(actor, request.params.id);
      return presentSavedSearch(await updateSavedSearch(deps, actor, request.params.id, request.body));
    },
  );

  app.delete(
    '/api/saved-searches/:id',
    { schema: { tags: ['saved-searches'], summary: 'Delete a saved search (your own only)', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await authorizeOwn(actor, request.params.id);
      await deleteSavedSearch(deps, actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
