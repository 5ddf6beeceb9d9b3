import { z } from 'zod';
import type { AskAnswer } from '../../../services/requests/answer-ask.js';
import { answerPortalAsk } from '../../../services/portal/answer-portal-ask.js';
import { getAdvocateImpact } from '../../../services/portal/get-advocate-impact.js';
import { listPortalAsks } from '../../../services/portal/list-portal-asks.js';
import { withdrawFromProgram } from '../../../services/portal/withdraw-from-program.js';
import { requireAdvocate } from '../../plugins/advocate-auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { portalAskSchema, portalImpactSchema, presentPortalAsk, presentPortalImpact } from './presenter.js';

const tags = ['portal'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 410: problemSchema };
const candidateParams = z.object({ candidateId: z.uuid({ message: 'must be a UUID' }) });
const startsAt = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-05-04T15:00:00+02:00' });
const asksSchema = z.object({ items: z.array(portalAskSchema) });

/** The signed-in advocate's asks, impact and withdrawal. Another advocate's ask is not found (404). */
export function registerPortalActivityRoutes(app: ZodApp, deps: RouteDeps): void {
  const config = { public: true };
  const asks = async (advocateId: string) => ({ items: (await listPortalAsks(deps, advocateId)).map(presentPortalAsk) });

  app.get(
    '/api/portal/asks',
    { config, schema: { tags, summary: 'My asks: waiting for my answer first, then those waiting for the requester and coming up', response: { 200: asksSchema, 401: problemSchema } } },
    async (request) => asks((await requireAdvocate(request)).advocateId),
  );

  const answer = (path: string, summary: string, body: z.ZodType, toAnswer: (body: never) => AskAnswer) =>
    app.post(
      `/api/portal/asks/:candidateId/${path}`,
      { config, schema: { tags, summary, params: candidateParams, body, response: { 200: asksSchema, ...errors } } },
      async (request) => {
        const { advocateId } = await requireAdvocate(request);
        await answerPortalAsk(deps, advocateId, request.params.candidateId, toAnswer(request.body as never));
        return asks(advocateId);
      },
    );
  answer('accept', 'Accept one of my asks', z.object({}).strict(), () => ({ kind: 'accept' }));
  answer(
    'decline',
    'Decline one of my asks, with a reason',
    z.object({ reason: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters') }).strict(),
    (body: { reason: string }) => ({ kind: 'decline', reason: body.reason }),
  );
  answer(
    'propose',
    'Offer other dates for one of my asks (up to 3)',
    z
      .object({
        dates: z
          .array(z.object({ startsAt, note: z.string().trim().max(500).optional() }).strict())
          .min(1, 'give at least one date')
          .max(3, 'give at most 3 dates'),
        note: z.string().trim().max(2000).nullable().optional(),
      })
      .strict(),
    (body: { dates: { startsAt: string; note?: string }[]; note?: string | null }) => ({ kind: 'propose_dates', dates: body.dates, note: body.note ?? null }),
  );

  app.get(
    '/api/portal/impact',
    { config, schema: { tags, summary: 'My impact: what I did, deals I helped win, thank-yous and points', response: { 200: portalImpactSchema, 401: problemSchema } } },
    async (request) => presentPortalImpact(await getAdvocateImpact(deps, (await requireAdvocate(request)).advocateId)),
  );

  app.post(
    '/api/portal/withdraw',
    {
      config,
      schema: {
        tags,
        summary: 'Withdraw from the program: no more asks, my open asks withdrawn, my consent marked withdrawn',
        body: z.object({ reason: z.string().trim().max(2000, 'must be at most 2000 characters').nullable().optional() }).strict(),
        response: { 200: z.object({ withdrawnAt: z.string(), withdrawnCandidacies: z.number().int(), releasedActivities: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      const { advocateId } = await requireAdvocate(request);
      const result = await withdrawFromProgram(deps, advocateId, { reason: request.body.reason ?? null, ip: request.ip });
      return { ...result, withdrawnAt: result.withdrawnAt.toISOString() };
    },
  );
}
