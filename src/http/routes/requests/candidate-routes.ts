import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { requestPolicy } from '../../../policies/requests.js';
import { approveCandidate } from '../../../services/requests/approve-candidate.js';
import { declineCandidate } from '../../../services/requests/decline-candidate.js';
import { getRequestAccess } from '../../../services/requests/load-request.js';
import { markCandidateNoAnswer } from '../../../services/requests/mark-candidate-no-answer.js';
import { proposeCandidates } from '../../../services/requests/propose-candidates.js';
import { rematchRequest } from '../../../services/requests/rematch-request.js';
import { CONTACT_NOT_YET, revealCandidateContact } from '../../../services/requests/reveal-candidate-contact.js';
import { withdrawCandidate } from '../../../services/requests/withdraw-candidate.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { matchResultSchema } from './match-schema.js';
import { requestDetailSchema } from './presenter.js';
import { requestDetailFor } from './detail.js';
import { candidateParams, optionalReasonBody, proposeCandidatesBody, reasonBody, rematchBody } from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const tags = ['requests'];

/**
 * Candidate steps taken by signed-in people. The advocate's own answer (accept, decline,
 * other dates) has no route here: it is taken only through the signed link (/api/ask).
 */
export function registerCandidateRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/api/requests/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Propose candidates (admins), or pick them where sellers pick (the requester); each is re-checked against the hard rules',
        params: idParams,
        body: proposeCandidatesBody,
        response: { 200: requestDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await getRequestAccess(deps, request.params.id);
      authorize(requestPolicy.view(actor, access) || requestPolicy.rematch(actor), 'You can pick candidates only on your own requests.');
      await proposeCandidates(deps, actor, request.params.id, request.body.advocateIds, (_row, mode) =>
        authorize(
          requestPolicy.proposeCandidates(actor, access, mode),
          mode === 'program_proposes' ? 'The program team proposes the candidates for this activity type.' : 'Only the requester or an admin can pick candidates.',
        ),
      );
      return requestDetailFor(deps, actor, request.params.id);
    },
  );

  app.post(
    '/api/requests/:id/rematch',
    {
      schema: {
        tags,
        summary: 'Match again, leaving out every advocate already tried (admins); optionally propose the best N at once',
        params: idParams,
        body: rematchBody,
        response: { 200: z.object({ request: requestDetailSchema, matches: matchResultSchema }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(requestPolicy.rematch(actor), 'Only program admins re-match a request.');
      const matches = await rematchRequest(deps, actor, request.params.id, request.body.propose ?? 0);
      return { request: await requestDetailFor(deps, actor, request.params.id), matches };
    },
  );

  const step = (
    path: string,
    summary: string,
    body: typeof reasonBody | typeof optionalReasonBody,
    run: (actor: ReturnType<typeof requireActor>, requestId: string, candidateId: string, reason: string | null) => Promise<unknown>,
  ) =>
    app.post(
      `/api/requests/:id/candidates/:candidateId/${path}`,
      { schema: { tags, summary, params: candidateParams, body, response: { 200: requestDetailSchema, ...errors } } },
      async (request) => {
        const actor = requireActor(request);
        await run(actor, request.params.id, request.params.candidateId, request.body.reason ?? null);
        return requestDetailFor(deps, actor, request.params.id);
      },
    );

  step(
    'approve',
    'Approve this use of your account (its relationship owner): capacity is booked and the advocate is asked by signed link',
    optionalReasonBody,
    (actor, id, candidateId, reason) => approveCandidate(deps, actor, id, candidateId, reason),
  );
  step('decline', 'Decline this use of your account, with the reason (its relationship owner)', reasonBody, (actor, id, candidateId, reason) =>
    declineCandidate(deps, actor, id, candidateId, reason ?? ''),
  );
  step('withdraw', 'Withdraw a candidate, with the reason (requester or admin); held capacity is released', reasonBody, (actor, id, candidateId, reason) =>
    withdrawCandidate(deps, actor, id, candidateId, reason ?? ''),
  );
  step('no-answer', 'Record that the advocate did not answer the ask (admins); held capacity is released', optionalReasonBody, (actor, id, candidateId, reason) =>
    markCandidateNoAnswer(deps, actor, id, candidateId, reason),
  );

  app.get(
    '/api/requests/:id/candidates/:candidateId/contact',
    {
      schema: {
        tags,
        summary: 'The advocate’s e-mail and phone for this request: the requester (or an admin), once owner and advocate said yes; audited',
        params: candidateParams,
        response: { 200: z.object({ email: z.string().nullable(), phone: z.string().nullable() }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const access = await getRequestAccess(deps, request.params.id);
      authorize(requestPolicy.edit(actor, access), CONTACT_NOT_YET);
      return revealCandidateContact(deps, actor, access, request.params.candidateId);
    },
  );
}
