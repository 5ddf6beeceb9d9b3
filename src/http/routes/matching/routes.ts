import { z } from 'zod';
import { authorize } from '../../../policies/authorize.js';
import { matchingPolicy } from '../../../policies/matching.js';
import { previewMatches } from '../../../services/matching/preview-matches.js';
import { requireActor } from '../../plugins/auth.js';
import { criterionSchema, prospectSchema } from '../requests/schemas.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { matchPreviewSchema, presentMatchPreview } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const key = z.string().trim().min(1).max(80);

const previewBody = z
  .object({
    activityTypeKey: key,
    neededBy: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }),
    prospect: prospectSchema,
    criteria: z.array(criterionSchema).max(30),
    topicKeys: z.array(key).max(30),
    opportunityId: z.uuid({ message: 'must be a UUID' }).nullable().optional(),
    needed: z.number().int().min(1).max(20).default(1).describe('References needed: fewer passing advocates bring relaxations'),
    limit: z.number().int().min(1).max(50).default(20),
  })
  .strict();

export function registerMatchingRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/api/matching/preview',
    {
      schema: {
        tags: ['matching'],
        summary: 'Ranked, explained matches for a request being written, with relaxations when too few pass (sales, marketing, admins)',
        body: previewBody,
        response: { 200: matchPreviewSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(matchingPolicy.preview(actor));
      const result = await previewMatches(deps, request.body, (opportunity) =>
        authorize(matchingPolicy.previewForOpportunity(actor, opportunity), 'You may only match for opportunities you can see.'),
      );
      return presentMatchPreview(result);
    },
  );
}
