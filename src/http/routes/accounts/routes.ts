import { z } from 'zod';
import { DEPLOYMENTS, REFERENCE_STATUSES } from '../../../db/schema/index.js';
import { accountPolicy, OWNER_EDITABLE_ACCOUNT_FIELDS } from '../../../policies/accounts.js';
import { authorize } from '../../../policies/authorize.js';
import { createAccount } from '../../../services/accounts/create-account.js';
import { getAccount, listAccounts } from '../../../services/accounts/list-accounts.js';
import { updateAccount } from '../../../services/accounts/update-account.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { accountDetailSchema, accountSchema, presentAccount, presentAccountDetail } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const isoDate = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const taxonomyKey = z.string().trim().max(100);

/** Every settable field; `null` clears a nullable one. Taxonomy keys, the owner and cross-field rules are checked by the service. */
const accountFields = {
  name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  industryKey: taxonomyKey.nullable(),
  annualRevenueUsd: z.number().int().min(0, 'cannot be negative').max(Number.MAX_SAFE_INTEGER).nullable(),
  employeeCount: z.number().int().min(1, 'must be at least 1').max(10_000_000, 'must be at most 10,000,000').nullable(),
  hqCountry: z.string().trim().toUpperCase().max(10).nullable().describe('ISO 3166-1 alpha-2 code'),
  productKeys: z.array(taxonomyKey).max(50),
  useCaseKeys: z.array(taxonomyKey).max(50),
  deployment: z.enum(DEPLOYMENTS).nullable(),
  goLiveDate: isoDate.nullable(),
  seats: z.number().int().min(0, 'cannot be negative').max(2_147_483_647).nullable(),
  customerSince: isoDate.nullable(),
  ownerUserId: z.uuid({ message: 'must be a UUID' }).nullable(),
  referenceStatus: z.enum(REFERENCE_STATUSES),
  restrictionReason: text(1000).nullable(),
  usageCap: z.number().min(0, 'cannot be negative').max(999_999.99).nullable().describe('Weighted uses per rolling window; null = program default'),
  crmId: text(100).nullable(),
  notes: text(10_000).nullable(),
};

const patchBody = z.object(accountFields).partial().strict();
const createBody = patchBody
  .extend({
    name: accountFields.name,
    allowDuplicateName: z.boolean().optional().describe('Create even when an account with the same name exists'),
  })
  .strict();

export function registerAccountRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'List customer accounts by name (every internal role)',
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          industry: taxonomyKey.optional().describe('An industry key, or a sector key for all its industries'),
          country: z.string().trim().toUpperCase().max(10).optional(),
          ownerId: z.uuid({ message: 'must be a UUID' }).optional(),
          referenceStatus: z.enum(REFERENCE_STATUSES).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(accountSchema), ...errors },
      },
    },
    async (request) => {
      authorize(accountPolicy.list(requireActor(request)));
      const page = await listAccounts(deps, request.query);
      return { items: page.items.map(presentAccount), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One account with its owner and advocate counts (every internal role)',
        params: idParams,
        response: { 200: accountDetailSchema, ...errors },
      },
    },
    async (request) => {
      authorize(accountPolicy.view(requireActor(request)));
      return presentAccountDetail(await getAccount(deps, request.params.id));
    },
  );

  app.post(
    '/api/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an account (admins). A name already in use is refused unless allowDuplicateName is set.',
        body: createBody,
        response: { 201: accountSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(accountPolicy.create(actor));
      return reply.code(201).send(presentAccount(await createAccount(deps, actor, request.body)));
    },
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: `Change an account (admins; relationship owners: ${OWNER_EDITABLE_ACCOUNT_FIELDS.join(', ')} of their own accounts)`,
        params: idParams,
        body: patchBody,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(accountPolicy.edit(actor));
      const denied = accountPolicy.deniedFields(actor, Object.keys(request.body));
      authorize(
        denied.length === 0,
        `Relationship owners may change only ${OWNER_EDITABLE_ACCOUNT_FIELDS.join(', ')}; not ${denied.join(', ')}.`,
      );
      const check = (before: { ownerUserId: string | null }) =>
        authorize(accountPolicy.update(actor, before), 'You can only change accounts you own.');
      return presentAccount(await updateAccount(deps, actor, request.params.id, request.body, check));
    },
  );
}
