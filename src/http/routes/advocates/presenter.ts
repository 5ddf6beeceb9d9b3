import { z } from 'zod';
import { advocateFreshness } from '../../../domain/advocate-freshness.js';
import { ADVOCATE_STATUSES } from '../../../domain/advocate-lifecycle.js';
import type { AdvocateWithAccount } from '../../../services/advocates/get-advocate.js';

export const advocateSchema = z
  .object({
    id: z.uuid(),
    account: z.object({ id: z.uuid(), name: z.string() }),
    firstName: z.string(),
    lastName: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    seniorityKey: z.string().nullable(),
    functionKey: z.string().nullable(),
    orientation: z.enum(['technical', 'business']).nullable(),
    country: z.string().nullable(),
    timeZone: z.string().nullable(),
    languageKeys: z.array(z.string()),
    topicKeys: z.array(z.string()),
    useCaseKeys: z.array(z.string()),
    productKeys: z.array(z.string()),
    story: z.object({ situation: z.string().nullable(), solution: z.string().nullable(), outcomes: z.string().nullable() }),
    personalityNotes: z.string().nullable(),
    willingness: z.record(z.string(), z.enum(['yes', 'ask_first', 'no'])),
    personalCap: z.number().nullable(),
    status: z.enum(ADVOCATE_STATUSES),
    consent: z.object({ at: z.string(), method: z.string(), scope: z.array(z.string()), notes: z.string().optional() }).nullable(),
    lastVerifiedAt: z.string().nullable(),
    freshness: z.enum(['fresh', 'due', 'stale', 'never_verified']),
    points: z.number().int(),
    crmId: z.string().nullable(),
    /** Protected fields never appear here: only whether they exist and whether the caller may reveal them. */
    contact: z.object({ hasEmail: z.boolean(), hasPhone: z.boolean(), canReveal: z.boolean() }),
    blackouts: z.array(z.object({ id: z.uuid(), startsOn: z.string(), endsOn: z.string(), reason: z.string().nullable() })),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Advocate' });

export type AdvocateView = z.infer<typeof advocateSchema>;

export function presentAdvocate(
  { advocate: a, account, blackouts }: AdvocateWithAccount,
  options: { now: Date; staleAfterMonths: number; canReveal: boolean },
): AdvocateView {
  return {
    id: a.id,
    account: { id: account.id, name: account.name },
    firstName: a.firstName,
    lastName: a.lastName,
    name: `${a.firstName} ${a.lastName}`,
    title: a.title,
    seniorityKey: a.seniorityKey,
    functionKey: a.functionKey,
    orientation: a.orientation,
    country: a.country,
    timeZone: a.timeZone,
    languageKeys: a.languageKeys,
    topicKeys: a.topicKeys,
    useCaseKeys: a.useCaseKeys,
    productKeys: a.productKeys,
    story: { situation: a.storySituation, solution: a.storySolution, outcomes: a.storyOutcomes },
    personalityNotes: a.personalityNotes,
    willingness: a.willingness,
    personalCap: a.personalCap,
    status: a.status,
    consent: a.consent,
    lastVerifiedAt: a.lastVerifiedAt?.toISOString() ?? null,
    freshness: advocateFreshness(a.lastVerifiedAt, options.now, options.staleAfterMonths),
    points: a.points,
    crmId: a.crmId,
    contact: { hasEmail: Boolean(a.email), hasPhone: Boolean(a.phone), canReveal: options.canReveal },
    blackouts: blackouts.map((b) => ({ id: b.id, startsOn: b.startsOn, endsOn: b.endsOn, reason: b.reason })),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}
