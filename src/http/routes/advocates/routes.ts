import { z } from 'zod';
import { hasRole } from '../../../domain/roles.js';
import { ADMIN_ONLY_ADVOCATE_FIELDS, ADMIN_ONLY_ADVOCATE_UPDATE_FIELDS, advocatePolicy } from '../../../policies/advocates.js';
import { authorize } from '../../../policies/authorize.js';
import { changeAdvocateStatus } from '../../../services/advocates/change-advocate-status.js';
import { getAccountAccess, getAdvocate, getAdvocateAccess, listAdvocates, type AdvocateWithAccount } from '../../../services/advocates/get-advocate.js';
import { revealAdvocateContact } from '../../../services/advocates/reveal-advocate-contact.js';
import { createAdvocate, updateAdvocate } from '../../../services/advocates/save-advocate.js';
import type { Actor } from '../../../services/context.js';
import { forbidden } from '../../../services/errors.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { advocateSchema, presentAdvocate } from './presenter.js';
import { registerAdvocateExportRoute } from './export-route.js';
import { registerAdvocateMergeRoutes } from './merge-route.js';
import { registerAdvocateSearchRoute } from './search-route.js';
import { changeStatusBody, createAdvocateBody, listAdvocatesQuery, updateAdvocateBody } from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

/** Non-admins may not set the program's own fields (status, points, consent…). */
function assertNoAdminOnlyFields(actor: Actor, body: object, fields: readonly string[]): void {
  if (advocatePolicy.manageProgramFields(actor)) return;
  const sent = fields.filter((field) => field in body);
  if (sent.length) throw forbidden(`Only program admins can set: ${sent.join(', ')}.`);
}

export function registerAdvocateRoutes(app: ZodApp, deps: RouteDeps): void {
  registerAdvocateSearchRoute(app, deps);
  registerAdvocateExportRoute(app, deps);
  registerAdvocateMergeRoutes(app, deps);
  const present = (actor: Actor, row: AdvocateWithAccount) =>
    presentAdvocate(row, {
      now: deps.now(),
      staleAfterMonths: deps.config.staleAfterMonths,
      canReveal: advocatePolicy.revealContact(actor, { accountOwnerUserId: row.account.ownerUserId }),
    });

  app.get(
    '/api/advocates',
    { schema: { tags: ['advocates'], summary: 'Advocates in name order, by account or status (contact details never included)', querystring: listAdvocatesQuery, response: { 200: pageOf(advocateSchema), ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.read(actor));
      const page = await listAdvocates(deps, request.query);
      return { items: page.items.map((row) => present(actor, row)), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/advocates/:id',
    { schema: { tags: ['advocates'], summary: 'One advocate’s profile (contact details never included)', params: idParams, response: { 200: advocateSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.read(actor));
      return present(actor, await getAdvocate(deps, request.params.id));
    },
  );

  app.post(
    '/api/advocates',
    { schema: { tags: ['advocates'], summary: 'Add an advocate (admins; owners nominate at their own accounts)', body: createAdvocateBody, response: { 201: advocateSchema, ...errors } } },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.create(actor, await getAccountAccess(deps, request.body.accountId)), 'Only admins and the account’s relationship owner can add advocates to it.');
      assertNoAdminOnlyFields(actor, request.body, ADMIN_ONLY_ADVOCATE_FIELDS);
      return reply.code(201).send(present(actor, await createAdvocate(deps, actor, request.body)));
    },
  );

  app.patch(
    '/api/advocates/:id',
    { schema: { tags: ['advocates'], summary: 'Edit an advocate (admins; owners for their accounts’ advocates)', params: idParams, body: updateAdvocateBody, response: { 200: advocateSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.update(actor, await getAdvocateAccess(deps, request.params.id)), 'Only admins and the account’s relationship owner can edit this advocate.');
      assertNoAdminOnlyFields(actor, request.body, ADMIN_ONLY_ADVOCATE_UPDATE_FIELDS);
      return present(actor, await updateAdvocate(deps, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/advocates/:id/status',
    { schema: { tags: ['advocates'], summary: 'Move an advocate along the lifecycle (admins)', params: idParams, body: changeStatusBody, response: { 200: advocateSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.manageProgramFields(actor));
      return present(actor, await changeAdvocateStatus(deps, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/api/advocates/:id/contact-reveals',
    {
      schema: {
        tags: ['advocates'],
        summary: 'Reveal an advocate’s e-mail and phone (admins and the account’s owner); every reveal is audited',
        params: idParams,
        response: { 200: z.object({ email: z.string().nullable(), phone: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await getAdvocateAccess(deps, request.params.id);
      authorize(advocatePolicy.revealContact(actor, access), 'Contact details are shared only through an approved request.');
      return revealAdvocateContact(deps, actor, request.params.id, hasRole(actor.roles, 'admin') ? 'program admin' : 'account owner');
    },
  );
}
