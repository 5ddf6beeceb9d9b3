import { z } from 'zod';

const key = z.string().min(1).max(80);
const keys = z.array(key).max(50, 'can hold at most 50 values');
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`).nullable();
const day = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

/** Everything an advocate may propose; each field optional (absent = unchanged). */
export const profileChangesSchema = z
  .object({
    title: text(200),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()./-]{6,30}$/, 'must be a phone number such as +33 1 23 45 67 89')
      .or(z.literal(''))
      .nullable(),
    email: z.email({ message: 'must be an e-mail address' }).max(320).nullable(),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as FR').nullable(),
    timeZone: z.string().max(64).nullable(),
    languageKeys: keys,
    topicKeys: keys,
    useCaseKeys: keys,
    productKeys: keys,
    storySituation: text(5000),
    storySolution: text(5000),
    storyOutcomes: text(5000),
  })
  .partial()
  .strict();

export const proposeBody = z.object({ changes: profileChangesSchema }).strict();

export const addBlackoutBody = z
  .object({ startsOn: day, endsOn: day, reason: z.string().trim().max(200, 'must be at most 200 characters').nullable().optional() })
  .strict();

export const preferencesBody = z
  .object({
    willingness: z.record(key, z.enum(['yes', 'ask_first', 'no'])),
    personalCap: z.number().min(0.5, 'must be at least 0.5 units').max(1000).nullable(),
    optOuts: z.array(z.string().min(1).max(80)).max(50),
  })
  .strict();
