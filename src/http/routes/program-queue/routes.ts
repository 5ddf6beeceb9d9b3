import { z } from 'zod';
import { SELECTION_MODES } from '../../../domain/requests/program-policy.js';
import { CANDIDATE_STATUSES, REQUEST_STATUSES } from '../../../domain/requests/request-states.js';
import { authorize } from '../../../policies/authorize.js';
import { requestPolicy } from '../../../policies/requests.js';
import { listProgramQueue, QUEUE_KINDS } from '../../../services/requests/list-program-queue.js';
import type { QueueItem } from '../../../services/requests/hydrate-queue-items.js';
import { requireActor } from '../../plugins/auth.js';
import { pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const ref = z.object({ id: z.uuid(), name: z.string() });

export const queueItemSchema = z
  .object({
    kind: z.enum(QUEUE_KINDS),
    dueAt: z.string(),
    request: z.object({
      id: z.uuid(),
      number: z.number().int(),
      status: z.enum(REQUEST_STATUSES),
      activityTypeKey: z.string(),
      neededBy: z.string(),
      rush: z.boolean(),
      purpose: z.string().nullable(),
      requester: ref,
      opportunity: z.object({ id: z.uuid(), name: z.string(), prospectName: z.string() }).nullable(),
      selectionMode: z.enum(SELECTION_MODES),
      candidatesTried: z.number().int(),
    }),
    candidate: z
      .object({
        id: z.uuid(),
        status: z.enum(CANDIDATE_STATUSES),
        advocate: ref,
        account: ref,
        approver: ref.nullable(),
        approvalDueAt: z.string().nullable(),
        askExpiresAt: z.string().nullable(),
      })
      .nullable(),
    activityId: z.uuid().nullable(),
  })
  .meta({ id: 'ProgramQueueItem' });

function present(item: QueueItem): z.infer<typeof queueItemSchema> {
  return {
    ...item,
    candidate: item.candidate
      ? { ...item.candidate, approvalDueAt: item.candidate.approvalDueAt?.toISOString() ?? null, askExpiresAt: item.candidate.askExpiresAt?.toISOString() ?? null }
      : null,
  };
}

const kindList = z
  .union([z.enum(QUEUE_KINDS), z.array(z.enum(QUEUE_KINDS)), z.literal('')])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]));

export function registerProgramQueueRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/program-queue',
    {
      schema: {
        tags: ['requests'],
        summary: 'What needs the program team, most urgent first: overdue approvals, approvals due soon, asks without answer, requests waiting for candidates, blocked requests, missing debriefs (admins)',
        querystring: z.object({ kind: kindList, ...pageQuery }),
        response: { 200: pageOf(queueItemSchema), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      authorize(requestPolicy.queue(requireActor(request)), 'The program queue is for program admins.');
      const page = await listProgramQueue(deps, request.query);
      return { items: page.items.map(present), nextCursor: page.nextCursor };
    },
  );
}
