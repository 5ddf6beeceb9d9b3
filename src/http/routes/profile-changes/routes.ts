import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { profileChangePolicy } from '../../../policies/profile-changes.js';
import { approveProfileChange, rejectProfileChange } from '../../../services/profile-changes/decide-profile-change.js';
import { getProfileChange, getProfileChangeAccess } from '../../../services/profile-changes/get-profile-change.js';
import { listProfileChanges, PROFILE_CHANGE_STATUS_FILTERS } from '../../../services/profile-changes/list-profile-changes.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentProfileChangeDetail, presentProfileChangeSummary, profileChangeDetailSchema, profileChangeSummarySchema } from './presenter.js';

const tags = ['profile-changes'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const note = z.string().trim().max(2000, 'must be at most 2000 characters');

/** Advocates' proposed profile updates: the admins' review, owners' read-only view. */
export function registerProfileChangeRoutes(app: ZodApp, deps: RouteDeps): void {
  const detail = async (actor: Parameters<typeof getProfileChange>[1], id: string) =>
    presentProfileChangeDetail(await getProfileChange(deps, actor, id), profileChangePolicy.decide(actor));

  app.get(
    '/api/profile-changes',
    {
      schema: {
        tags,
        summary: 'Proposed profile updates, waiting ones first then newest first (admins; owners: their accounts’ advocates, read-only)',
        querystring: z.object({
          status: z.enum(PROFILE_CHANGE_STATUS_FILTERS).default('all'),
          advocateId: z.uuid({ message: 'must be a UUID' }).optional(),
          ...pageQuery,
        }),
        response: { 200: z.object({ items: z.array(profileChangeSummarySchema), nextCursor: z.string().nullable(), pendingCount: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(profileChangePolicy.list(actor), 'Only the program team and relationship owners see proposed profile updates.');
      const scope = profileChangePolicy.listScope(actor) === 'all' ? ({ kind: 'all' } as const) : ({ kind: 'owned', userId: actor.userId } as const);
      const page = await listProfileChanges(deps, scope, request.query);
      return { items: page.items.map(presentProfileChangeSummary), nextCursor: page.nextCursor, pendingCount: page.pendingCount };
    },
  );

  app.get(
    '/api/profile-changes/:id',
    {
      schema: {
        tags,
        summary: 'One proposal with its field-by-field diff: before, proposed and the value now (showing e-mail or phone is an audited reveal)',
        params: idParams,
        response: { 200: profileChangeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(profileChangePolicy.read(actor, await getProfileChangeAccess(deps, request.params.id)), 'Only the program team and the account’s relationship owner see this proposal.');
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/profile-changes/:id/approve',
    {
      schema: {
        tags,
        summary: 'Apply the proposal (or the chosen fields of it) to the advocate, mark the profile verified and tell the advocate (admins)',
        params: idParams,
        body: z.object({ fields: z.array(z.string().min(1).max(40)).max(20).optional(), note: note.nullable().optional() }).strict(),
        response: { 200: profileChangeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(profileChangePolicy.decide(actor), 'Only the program team approves profile updates.');
      await approveProfileChange(deps, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/api/profile-changes/:id/reject',
    {
      schema: {
        tags,
        summary: 'Turn the proposal down with a note the advocate reads (admins)',
        params: idParams,
        body: z.object({ note: note.min(1, 'is required: tell the advocate why') }).strict(),
        response: { 200: profileChangeDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(profileChangePolicy.decide(actor), 'Only the program team rejects profile updates.');
      await rejectProfileChange(deps, actor, request.params.id, request.body);
      return detail(actor, request.params.id);
    },
  );
}
