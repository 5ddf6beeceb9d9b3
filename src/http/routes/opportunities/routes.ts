import { z } from 'zod';
import { OPPORTUNITY_OUTCOMES } from '../../../db/schema/index.js';
import { authorize } from '../../../policies/authorize.js';
import { ADMIN_ONLY_OPPORTUNITY_FIELDS, opportunityPolicy } from '../../../policies/opportunities.js';
import { createOpportunity } from '../../../services/opportunities/create-opportunity.js';
import { getOpportunity } from '../../../services/opportunities/get-opportunity.js';
import { listOpportunities, OPPORTUNITY_SORTS } from '../../../services/opportunities/list-opportunities.js';
import { updateOpportunity } from '../../../services/opportunities/update-opportunity.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { opportunityDetailSchema, opportunitySchema, presentOpportunity, presentOpportunityDetail } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const required = (max: number) => z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
const taxonomyKey = z.string().trim().max(100);
const money = z.number().int('must be whole dollars').min(0, 'cannot be negative').max(Number.MAX_SAFE_INTEGER);

/** Every settable field; `null` clears a nullable one. Keys, the stage, the owner and accounts are checked by the service. */
const opportunityFields = {
  name: required(200),
  prospectName: required(200),
  prospectIndustryKey: taxonomyKey.nullable(),
  prospectEmployeeCount: z.number().int().min(1, 'must be at least 1').max(10_000_000, 'must be at most 10,000,000').nullable(),
  prospectAnnualRevenueUsd: money.nullable(),
  prospectCountry: z.string().trim().toUpperCase().max(10).nullable().describe('ISO 3166-1 alpha-2 code'),
  stageKey: required(80).describe('A pipeline stage key (GET /api/pipeline-stages)'),
  amountUsd: money.nullable(),
  closeDate: z.iso.date({ message: 'must be a date as YYYY-MM-DD' }).nullable(),
  ownerUserId: z.uuid({ message: 'must be a UUID' }).describe('The seller who owns the deal (admins only; sellers own what they create)'),
  productKeys: z.array(taxonomyKey).max(50),
  competitors: z.array(text(200)).max(50).describe('Rival vendors in the deal'),
  excludedAccountIds: z.array(z.uuid({ message: 'must be a UUID' })).max(200).describe('Customer accounts that compete with the prospect'),
  decisionMakerBuyIn: z.boolean(),
  technicalApproval: z.boolean(),
  budgetConfirmed: z.boolean(),
  finalist: z.boolean(),
  crmId: text(100).nullable(),
  notes: text(10_000).nullable(),
};

const patchBody = z.object(opportunityFields).partial().strict();
const createBody = patchBody
  .extend({ name: opportunityFields.name, prospectName: opportunityFields.prospectName, stageKey: opportunityFields.stageKey })
  .strict();

export function registerOpportunityRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'List opportunities (admins, owners, marketing and executives: all; sellers: their own)',
        querystring: z.object({
          q: z.string().trim().max(200).optional().describe("Part of the opportunity's or prospect's name, or a CRM id"),
          stage: z.string().trim().max(80).optional(),
          ownerId: z.union([z.uuid({ message: 'must be a UUID or "me"' }), z.literal('me')]).optional(),
          outcome: z.enum(OPPORTUNITY_OUTCOMES).optional(),
          sort: z.enum(OPPORTUNITY_SORTS).default('updated'),
          ...pageQuery,
        }),
        response: { 200: pageOf(opportunitySchema), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(opportunityPolicy.list(actor));
      const ownerId = request.query.ownerId === 'me' ? actor.userId : request.query.ownerId;
      const readsAll = opportunityPolicy.readsAll(actor);
      authorize(readsAll || ownerId === undefined || ownerId === actor.userId, 'Sellers see only their own opportunities.');
      const page = await listOpportunities(deps, { ...request.query, ownerId: readsAll ? ownerId : actor.userId });
      return {
        items: page.items.map((item) => presentOpportunity(item, opportunityPolicy.update(actor, item.opportunity))),
        nextCursor: page.nextCursor,
      };
    },
  );

  app.get(
    '/api/opportunities/:id',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'One opportunity with its readiness for each kind of reference (admins, owners, marketing, executives; sellers: their own)',
        params: idParams,
        response: { 200: opportunityDetailSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(opportunityPolicy.list(actor));
      const detail = await getOpportunity(deps, request.params.id, (row) =>
        authorize(opportunityPolicy.view(actor, row), 'You can only see your own opportunities.'),
      );
      return presentOpportunityDetail(detail, opportunityPolicy.update(actor, detail.opportunity));
    },
  );

  app.post(
    '/api/opportunities',
    {
      schema: {
        tags: ['opportunities'],
        summary: 'Create an opportunity (sellers, owned by themselves; admins, for any seller)',
        body: createBody,
        response: { 201: opportunitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(opportunityPolicy.create(actor));
      const created = await createOpportunity(deps, actor, request.body, (ownerUserId) => opportunityPolicy.mayAssignOwner(actor, ownerUserId));
      return reply.code(201).send(presentOpportunity(created, true));
    },
  );

  app.patch(
    '/api/opportunities/:id',
    {
      schema: {
        tags: ['opportunities'],
        summary: `Change an opportunity (admins; sellers their own, except ${ADMIN_ONLY_OPPORTUNITY_FIELDS.join(', ')}). Outcomes go through /outcome.`,
        params: idParams,
        body: patchBody,
        response: { 200: opportunitySchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(opportunityPolicy.edit(actor));
      // Sending one's own id as the owner (a form sending every field) is no change of hands.
      const fields = Object.keys(request.body).filter((field) => !(field === 'ownerUserId' && request.body.ownerUserId === actor.userId));
      const denied = opportunityPolicy.deniedFields(actor, fields);
      authorize(denied.length === 0, `Only admins change ${denied.join(', ')}.`);
      const check = (before: { ownerUserId: string }) => authorize(opportunityPolicy.update(actor, before), 'You can only change your own opportunities.');
      const updated = await updateOpportunity(deps, actor, request.params.id, request.body, check);
      return presentOpportunity(updated, opportunityPolicy.update(actor, updated.opportunity));
    },
  );
}
