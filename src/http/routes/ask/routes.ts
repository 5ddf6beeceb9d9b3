import { z } from 'zod';
import { CANDIDATE_STATUSES } from '../../../domain/requests/request-states.js';
import { answerAsk, type AskAnswer } from '../../../services/requests/answer-ask.js';
import { getAsk, type AskView } from '../../../services/requests/get-ask.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const errors = { 400: problemSchema, 404: problemSchema, 409: problemSchema, 410: problemSchema };
const tags = ['ask'];

/** The token from the advocate's link (32 random bytes, base64url). Anything else is simply not a link we made. */
export const tokenParams = z.object({ token: z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, 'is not a link token') });

export const askViewSchema = z
  .object({
    state: z.enum(['open', 'answered', 'closed']),
    orgName: z.string(),
    advocateFirstName: z.string(),
    accountName: z.string(),
    requester: z.object({ name: z.string(), team: z.string() }),
    approverName: z.string().nullable(),
    activityTypeKey: z.string(),
    activityLabel: z.string(),
    prospect: z.object({ name: z.string().nullable(), industry: z.string().nullable(), country: z.string().nullable() }),
    purpose: z.string().nullable(),
    neededBy: z.string(),
    topics: z.array(z.string()),
    context: z.string(),
    status: z.enum(CANDIDATE_STATUSES),
    answeredAt: z.string().nullable(),
    reason: z.string().nullable(),
    proposedDates: z.array(z.object({ startsAt: z.string(), note: z.string().optional() })),
    scheduledAt: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    expiresAt: z.string(),
  })
  .meta({ id: 'AdvocateAsk' });

export function presentAsk(view: AskView): z.infer<typeof askViewSchema> {
  const { context, candidate } = view;
  return {
    state: view.state,
    orgName: context.orgName,
    advocateFirstName: context.advocateFirstName,
    accountName: context.accountName,
    requester: context.requester,
    approverName: context.approverName,
    activityTypeKey: context.activityTypeKey,
    activityLabel: context.activityLabel,
    prospect: context.prospect,
    purpose: context.purpose,
    neededBy: context.neededBy,
    topics: context.topics,
    context: context.context,
    status: candidate.status,
    answeredAt: candidate.advocateRespondedAt?.toISOString() ?? null,
    reason: candidate.advocateReason,
    proposedDates: candidate.proposedDates,
    scheduledAt: candidate.scheduledAt?.toISOString() ?? null,
    durationMinutes: candidate.durationMinutes,
    expiresAt: view.expiresAt.toISOString(),
  };
}

const startsAt = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time such as 2026-05-04T15:00:00+02:00' });

/**
 * The advocate's side, by signed link only (public routes: the token is the credential).
 * There is no signed-in route that answers for an advocate.
 */
export function registerAskRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/ask/:token',
    {
      config: { public: true },
      schema: { tags, summary: 'The ask behind an advocate’s link: who asks, for what, by when (public; the token comes from the link)', params: tokenParams, response: { 200: askViewSchema, ...errors } },
    },
    async (request) => presentAsk(await getAsk(deps, request.params.token)),
  );

  const answer = (path: string, summary: string, body: z.ZodType, toAnswer: (body: never) => AskAnswer) =>
    app.post(
      `/api/ask/:token/${path}`,
      { config: { public: true }, schema: { tags, summary, params: tokenParams, body, response: { 200: askViewSchema, ...errors } } },
      async (request) => {
        await answerAsk(deps, request.params.token, toAnswer(request.body as never));
        return presentAsk(await getAsk(deps, request.params.token));
      },
    );

  answer('accept', 'Accept the ask (the advocate, by link; once)', z.object({}).strict(), () => ({ kind: 'accept' }));
  answer(
    'decline',
    'Decline the ask, with a reason (the advocate, by link; once)',
    z.object({ reason: z.string().trim().min(1, 'is required').max(2000) }).strict(),
    (body: { reason: string }) => ({ kind: 'decline', reason: body.reason }),
  );
  answer(
    'propose-dates',
    'Offer other dates (the advocate, by link; once)',
    z
      .object({
        dates: z
          .array(z.object({ startsAt, note: z.string().trim().max(500).optional() }).strict())
          .min(1, 'give at least one date')
          .max(5, 'give at most 5 dates'),
        note: z.string().trim().max(2000).nullable().optional(),
      })
      .strict(),
    (body: { dates: { startsAt: string; note?: string }[]; note?: string | null }) => ({ kind: 'propose_dates', dates: body.dates, note: body.note ?? null }),
  );
}
