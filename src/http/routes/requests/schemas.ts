import { z } from 'zod';
import { CRITERION_KINDS, END_REASONS } from '../../../domain/requests/criteria.js';
import { REQUEST_STATUSES } from '../../../domain/requests/request-states.js';
import { pageQuery } from '../types.js';

const key = z.string().trim().min(1).max(80);
const day = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const uuid = z.uuid({ message: 'must be a UUID' });

export const prospectSchema = z
  .object({
    name: text(200).optional(),
    industryKey: key.optional(),
    employeeCount: z.number().int().min(1).max(10_000_000).optional(),
    annualRevenueUsd: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FR').optional(),
    contactSeniorityKey: key.optional(),
    contactFunctionKey: key.optional(),
    productKeys: z.array(key).max(30).optional(),
  })
  .strict()
  .meta({ id: 'ProspectProfile' });

export const criterionSchema = z
  .object({
    kind: z.enum(CRITERION_KINDS),
    values: z.array(z.string().trim().min(1).max(80)).min(1, 'needs at least one value').max(50),
    mustHave: z.boolean(),
  })
  .strict()
  .meta({ id: 'Criterion' });

/** What a requester sets on a request. */
const requestFields = {
  opportunityId: uuid.nullable(),
  purpose: text(500).nullable(),
  activityTypeKey: key,
  prospect: prospectSchema,
  criteria: z.array(criterionSchema).max(30),
  topicKeys: z.array(key).max(30),
  neededBy: day,
  referencesNeeded: z.number().int().min(1, 'must be at least 1').max(10, 'must be at most 10'),
  note: text(5000).nullable(),
  rushJustification: text(2000).nullable(),
};

export const createRequestBody = z
  .object(requestFields)
  .partial()
  .extend({
    activityTypeKey: requestFields.activityTypeKey,
    neededBy: requestFields.neededBy,
    submit: z.boolean().optional().describe('Submit at once: the readiness gate decides between blocked and matching'),
    pickedAdvocateIds: z.array(uuid).max(10).optional().describe('Where sellers pick: the advocates picked from the matches, proposed with the submission'),
  })
  .strict();

export const updateRequestBody = z.object(requestFields).partial().strict();

export const previewRequestBody = z
  .object({
    opportunityId: uuid.nullable().optional(),
    activityTypeKey: key,
    neededBy: day,
    prospect: prospectSchema.optional(),
  })
  .passthrough();

export const submitRequestBody = z
  .object({
    rushJustification: text(2000).nullable().optional(),
    pickedAdvocateIds: z.array(uuid).max(10).optional(),
  })
  .strict();

export const reasonBody = z.object({ reason: z.string().trim().min(1, 'is required').max(2000) }).strict();
export const optionalReasonBody = z.object({ reason: z.string().trim().max(2000).nullable().optional() }).strict();

export const cancelRequestBody = z
  .object({
    endReason: z.enum(END_REASONS),
    note: text(2000).nullable().optional(),
  })
  .strict();

export const proposeCandidatesBody = z.object({ advocateIds: z.array(uuid).min(1, 'pick at least one advocate').max(10) }).strict();

export const rematchBody = z
  .object({ propose: z.number().int().min(0).max(10).optional().describe('Propose the best N matches at once (0: only list them)') })
  .strict();

const statusList = z
  .union([z.enum(REQUEST_STATUSES), z.array(z.enum(REQUEST_STATUSES)), z.literal('')])
  .optional()
  .transform((v) => (v === undefined || v === '' ? undefined : Array.isArray(v) ? v : [v]));

export const listRequestsQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine'),
  status: statusList,
  activityTypeKey: z.union([key, z.literal('')]).optional().transform((v) => v || undefined),
  opportunityId: uuid.optional(),
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  ...pageQuery,
});

export const candidateParams = z.object({ id: uuid, candidateId: uuid });
