import { z } from 'zod';
import { OPPORTUNITY_OUTCOMES } from '../../../db/schema/index.js';
import { activityPolicy } from '../../../policies/activities.js';
import { authorize } from '../../../policies/authorize.js';
import { recordOpportunityOutcome } from '../../../services/outcomes/record-opportunity-outcome.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const outcomeBody = z
  .object({
    outcome: z.enum(['won', 'lost']),
    amountWonUsd: z.number().int().min(0, 'cannot be negative').max(Number.MAX_SAFE_INTEGER).nullable().optional().describe('Won only; defaults to the opportunity amount'),
    closedOn: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }),
    lossReason: z.string().trim().max(4000, 'must be at most 4000 characters').nullable().optional().describe('Lost only: what happened'),
  })
  .strict();

const outcomeResultSchema = z
  .object({
    opportunity: z.object({
      id: z.uuid(),
      outcome: z.enum(OPPORTUNITY_OUTCOMES),
      amountWonUsd: z.number().nullable(),
      closedOn: z.string().nullable(),
      lossReason: z.string().nullable(),
    }),
    changed: z.boolean(),
    impactRecords: z.number().int(),
    newImpactRecords: z.number().int(),
    advocatesNotified: z.number().int(),
    requestersAsked: z.number().int(),
  })
  .meta({ id: 'OpportunityOutcomeResult' });

export function registerOpportunityOutcomeRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/api/opportunities/:id/outcome',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'Record an opportunity as won or lost (its owner or an admin; a requester of its requests may add what happened to a lost one)',
        description:
          'Won: an impact record for every advocate with a happened activity on the opportunity and a "you helped us win" notice per advocate in the outbox. ' +
          'Lost: the requesters of its requests are asked what happened (outbox and timeline). Recording the same outcome again repeats no notice; the other outcome is refused (409).',
        params: idParams,
        body: outcomeBody,
        response: { 200: outcomeResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const input = request.body;
      const result = await recordOpportunityOutcome(deps, actor, request.params.id, input, (opportunity, requesterUserIds) => {
        const mayAnswerLoss = input.outcome === 'lost' && opportunity.outcome === 'lost' && activityPolicy.explainLoss(actor, requesterUserIds);
        authorize(activityPolicy.recordOutcome(actor, opportunity) || mayAnswerLoss, 'Only the opportunity’s owner or the program team records its outcome.');
      });
      const o = result.opportunity;
      return {
        opportunity: { id: o.id, outcome: o.outcome, amountWonUsd: o.amountWonUsd, closedOn: o.closedOn, lossReason: o.lossReason },
        changed: result.changed,
        impactRecords: result.impactRecords,
        newImpactRecords: result.newImpactRecords,
        advocatesNotified: result.advocatesNotified,
        requestersAsked: result.requestersAsked,
      };
    },
  );
}
