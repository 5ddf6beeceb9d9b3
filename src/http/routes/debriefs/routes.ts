import { z } from 'zod';
import { activityPolicy } from '../../../policies/activities.js';
import { authorize } from '../../../policies/authorize.js';
import { getAdvocateDebriefState, submitAdvocateDebrief } from '../../../services/debriefs/submit-advocate-debrief.js';
import { redoActivity } from '../../../services/debriefs/redo-activity.js';
import { submitRequesterDebrief } from '../../../services/debriefs/submit-requester-debrief.js';
import { requireActor } from '../../plugins/auth.js';
import { presentDebrief, debriefSchema } from '../activities/presenter.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 410: problemSchema };
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) =>
  text(max)
    .nullable()
    .optional()
    .transform((v) => v || null);

const requesterBody = z
  .object({
    happened: z.boolean(),
    metNeeds: z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5').nullable().optional().describe('Did it meet the prospect’s needs, 1–5 (when it happened)'),
    buyerIntent: optionalText(4000).describe('What it suggests about the buyer’s intent'),
    concerns: optionalText(4000).describe('Concerns still lingering'),
  })
  .strict();

const advocateBody = z
  .object({
    happened: z.boolean(),
    howItWent: optionalText(4000),
    wouldDoAgain: z.boolean().nullable().optional(),
  })
  .strict();

const redoBody = z
  .object({
    neededBy: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }).optional().describe('A new needed-by date (required when the original one has passed)'),
    note: optionalText(4000),
    rushJustification: optionalText(2000),
  })
  .strict();

const tokenParams = z.object({ token: z.string().min(20, 'is not a valid link').max(200, 'is not a valid link') });

const debriefResultSchema = z
  .object({
    debrief: debriefSchema,
    activity: z.object({ id: z.uuid(), status: z.string(), occursOn: z.string() }),
    redoOffered: z.boolean(),
    requestClosed: z.boolean(),
  })
  .meta({ id: 'DebriefResult' });

const redoResultSchema = z
  .object({
    request: z.object({ id: z.uuid(), number: z.number().int(), status: z.string(), neededBy: z.string(), rush: z.boolean(), redoOfRequestId: z.uuid() }),
    originalCancelled: z.boolean(),
  })
  .meta({ id: 'RedoResult' });

export function registerDebriefRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/api/activities/:id/debriefs',
    {
      schema: {
        tags: ['debriefs'],
        summary: 'The requester’s debrief of a use (the requester or an admin; once): it records the use as happened or not',
        params: idParams,
        body: requesterBody,
        response: { 201: debriefResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { metNeeds, ...rest } = request.body;
      const result = await submitRequesterDebrief(deps, actor, request.params.id, { ...rest, metNeeds: metNeeds ?? null }, (access) =>
        authorize(activityPolicy.debrief(actor, access), 'Only the requester (or the program team) debriefs this use.'),
      );
      return reply.code(201).send({
        debrief: presentDebrief(result.debrief),
        activity: { id: result.activity.id, status: result.activity.status, occursOn: result.activity.occursOn },
        redoOffered: result.redoOffered,
        requestClosed: result.requestClosed,
      });
    },
  );

  app.post(
    '/api/activities/:id/redo',
    {
      schema: {
        tags: ['debriefs'],
        summary: 'Redo a use that did not happen or did not meet the prospect’s needs: a new request with the same criteria, straight into matching',
        params: idParams,
        body: redoBody,
        response: { 201: redoResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const result = await redoActivity(deps, actor, request.params.id, request.body, (access) =>
        authorize(activityPolicy.redo(actor, access), 'Only the requester (or the program team) redoes this use.'),
      );
      const r = result.request;
      return reply.code(201).send({
        request: { id: r.id, number: r.number, status: r.status, neededBy: r.neededBy, rush: r.rush, redoOfRequestId: r.redoOfRequestId! },
        originalCancelled: result.originalCancelled,
      });
    },
  );

  app.get(
    '/api/ask/:token/debrief',
    {
      config: { public: true },
      schema: {
        tags: ['debriefs'],
        summary: 'Whether the advocate’s link takes a debrief now (public; the token comes from the advocate’s link)',
        params: tokenParams,
        response: {
          200: z.object({
            open: z.boolean(),
            reason: z.string().nullable(),
            alreadyDebriefed: z.boolean(),
            scheduledAt: z.string().nullable(),
            activityTypeLabel: z.string(),
            prospectName: z.string().nullable(),
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const state = await getAdvocateDebriefState(deps, request.params.token);
      reply.header('cache-control', 'no-store');
      return { ...state, scheduledAt: state.scheduledAt?.toISOString() ?? null };
    },
  );

  app.post(
    '/api/ask/:token/debrief',
    {
      config: { public: true },
      schema: {
        tags: ['debriefs'],
        summary: 'The advocate’s debrief through their signed link (public; once, after the conversation)',
        params: tokenParams,
        body: advocateBody,
        response: { 201: z.object({ debrief: debriefSchema.omit({ submittedByUserId: true }) }), ...errors },
      },
    },
    async (request, reply) => {
      const { wouldDoAgain, ...rest } = request.body;
      const debrief = await submitAdvocateDebrief(deps, request.params.token, { ...rest, wouldDoAgain: wouldDoAgain ?? null });
      const { submittedByUserId: _omit, ...shown } = presentDebrief(debrief);
      void _omit;
      return reply.code(201).send({ debrief: shown });
    },
  );
}
