import { z } from 'zod';
import { MERGE_CHOICE_FIELDS } from '../../../domain/advocate-merge.js';
import { advocatePolicy } from '../../../policies/advocates.js';
import { authorize } from '../../../policies/authorize.js';
import { findDuplicateAdvocates } from '../../../services/advocates/find-duplicate-advocates.js';
import { mergeAdvocates } from '../../../services/advocates/merge-advocates.js';
import type { Actor } from '../../../services/context.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { advocateSchema, presentAdvocate } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const mergeAdvocateBody = z
  .object({
    duplicateId: z.uuid({ message: 'must be a UUID' }),
    /** Per field, which record's value to keep; unnamed fields keep the survivor's unless it is empty. */
    fields: z.partialRecord(z.enum(MERGE_CHOICE_FIELDS), z.enum(['survivor', 'duplicate'])).optional(),
    allowDifferentAccounts: z.boolean().optional(),
  })
  .strict();

const duplicatesResponse = z.object({
  items: z.array(z.object({ advocate: advocateSchema, reasons: z.array(z.enum(['same_email', 'same_name_same_account', 'same_name'])) })),
});

export function registerAdvocateMergeRoutes(app: ZodApp, deps: RouteDeps): void {
  const options = (actor: Actor, ownerUserId: string | null) => ({
    now: deps.now(),
    staleAfterMonths: deps.config.staleAfterMonths,
    canReveal: advocatePolicy.revealContact(actor, { accountOwnerUserId: ownerUserId }),
  });

  app.get(
    '/api/advocates/:id/duplicates',
    {
      schema: {
        tags: ['advocates'],
        summary: 'Likely duplicates of an advocate, for a merge (admins): same e-mail, same name at the same account, same name elsewhere',
        params: idParams,
        response: { 200: duplicatesResponse, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.merge(actor), 'Only program admins can merge advocates.');
      const candidates = await findDuplicateAdvocates(deps, request.params.id);
      return { items: candidates.map((c) => ({ advocate: presentAdvocate(c, options(actor, c.account.ownerUserId)), reasons: c.reasons })) };
    },
  );

  app.post(
    '/api/advocates/:id/merge',
    {
      schema: {
        tags: ['advocates'],
        summary: 'Merge a duplicate advocate into this one (admins), in one transaction; the duplicate is deleted',
        description:
          'Empty fields are filled from the duplicate unless `fields` names the side to keep; topics, use cases, products and languages are combined; ' +
          'the more willing answer per activity type, the later verification and the sum of points are kept; blackouts move over. ' +
          'Refused for the advocate itself (400) and across accounts unless allowDifferentAccounts is true (409).',
        params: idParams,
        body: mergeAdvocateBody,
        response: { 200: advocateSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.merge(actor), 'Only program admins can merge advocates.');
      const merged = await mergeAdvocates(deps, actor, request.params.id, request.body);
      return presentAdvocate(merged, options(actor, merged.account.ownerUserId));
    },
  );
}
