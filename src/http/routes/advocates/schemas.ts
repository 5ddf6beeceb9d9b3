import { z } from 'zod';
import { ADVOCATE_STATUSES } from '../../../domain/advocate-lifecycle.js';

const key = z.string().min(1).max(80);
const keys = z.array(key).max(50);
const text = (max: number) => z.string().trim().max(max).nullable();
const day = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

const consentSchema = z.object({
  at: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
  method: z.string().trim().min(1, 'is required').max(200),
  scope: z.array(z.string().min(1).max(80)).min(1, 'needs at least one item').max(30),
  notes: z.string().max(2000).optional(),
});

/** Fields shared by create and update. E-mail and phone are write-only: they are never returned here. */
const profileFields = {
  firstName: z.string().trim().min(1, 'is required').max(100),
  lastName: z.string().trim().min(1, 'is required').max(100),
  email: z.email({ message: 'must be an e-mail address' }).max(320).nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()./-]{6,30}$/, 'must be a phone number such as +33 1 23 45 67 89')
    .nullable(),
  title: text(200),
  seniorityKey: key.nullable(),
  functionKey: key.nullable(),
  orientation: z.enum(['technical', 'business']).nullable(),
  country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FR').nullable(),
  timeZone: z.string().max(64).nullable(),
  languageKeys: keys,
  topicKeys: keys,
  useCaseKeys: keys,
  productKeys: keys,
  storySituation: text(5000),
  storySolution: text(5000),
  storyOutcomes: text(5000),
  personalityNotes: text(2000),
  willingness: z.record(key, z.enum(['yes', 'ask_first', 'no'])),
  personalCap: z.number().min(0).max(1000).nullable(),
  consent: consentSchema.nullable(),
  lastVerifiedAt: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).nullable(),
  points: z.number().int().min(0).max(1_000_000),
  crmId: z.string().trim().min(1).max(100).nullable(),
  blackouts: z
    .array(z.object({ startsOn: day, endsOn: day, reason: z.string().trim().max(200).nullable().optional() }))
    .max(50),
};

const optionalProfile = z.object(profileFields).omit({ firstName: true, lastName: true }).partial();

export const createAdvocateBody = optionalProfile.extend({
  accountId: z.uuid({ message: 'must be a UUID' }),
  firstName: profileFields.firstName,
  lastName: profileFields.lastName,
  status: z.enum(ADVOCATE_STATUSES).optional(),
  allowDuplicateName: z.boolean().optional(),
});

export const updateAdvocateBody = z
  .object({ ...profileFields, accountId: z.uuid({ message: 'must be a UUID' }), allowDuplicateName: z.boolean() })
  .partial()
  .strict();

export const changeStatusBody = z.object({ status: z.enum(ADVOCATE_STATUSES), reason: z.string().trim().max(500).optional() });

export const listAdvocatesQuery = z.object({
  accountId: z.uuid({ message: 'must be a UUID' }).optional(),
  status: z.enum(ADVOCATE_STATUSES).optional(),
  q: z.string().trim().max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
