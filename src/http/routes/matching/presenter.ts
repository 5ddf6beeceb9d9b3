import { z } from 'zod';
import { MATCHING_FACTORS } from '../../../domain/requests/program-policy.js';
import type { MatchResult } from '../../../services/matching/match-candidates.js';

const factorSchema = z.object({
  factor: z.enum(MATCHING_FACTORS),
  label: z.string(),
  contribution: z.number().describe('Points this factor adds to the 0–100 score'),
  maximum: z.number().describe('The most it could add for this request'),
  detail: z.string(),
});

/** A matched advocate: profile facts and the explanation, never an e-mail or a phone. */
export const candidateMatchSchema = z
  .object({
    advocateId: z.uuid(),
    accountId: z.uuid(),
    score: z.number().int().min(0).max(100),
    factors: z.array(factorSchema),
    rules: z.array(z.object({ rule: z.string(), label: z.string(), detail: z.string() })).describe('Every hard rule, with why it passed'),
    lastUsedOn: z.string().nullable(),
    willingness: z.enum(['yes', 'ask_first']).describe('ask_first: the advocate wants to be asked before each use of this kind'),
    name: z.string(),
    title: z.string().nullable(),
    accountName: z.string(),
    accountOwnerUserId: z.uuid().nullable(),
    industryKey: z.string().nullable(),
    employeeCount: z.number().int().nullable(),
    seniorityKey: z.string().nullable(),
    functionKey: z.string().nullable(),
    orientation: z.string().nullable(),
    country: z.string().nullable(),
    timeZone: z.string().nullable(),
    languageKeys: z.array(z.string()),
    topicKeys: z.array(z.string()),
    productKeys: z.array(z.string()),
    useCaseKeys: z.array(z.string()),
    lastVerifiedAt: z.string().nullable(),
    capacity: z.object({ advocateUsed: z.number(), advocateCap: z.number(), accountUsed: z.number(), accountCap: z.number() }),
  })
  .meta({ id: 'CandidateMatch' });

export const matchPreviewSchema = z
  .object({
    candidates: z.array(candidateMatchSchema),
    passingCount: z.number().int().describe('Advocates passing every hard rule'),
    passingCountExact: z.boolean().describe('False when the pool was too large to check everyone’s capacity'),
    relaxations: z.array(z.object({ kind: z.string(), label: z.string(), extraCandidates: z.number().int(), suggestion: z.string() })),
  })
  .meta({ id: 'MatchPreview' });

export function presentMatchPreview(result: MatchResult): z.infer<typeof matchPreviewSchema> {
  return {
    candidates: result.candidates.map((c) => ({
      advocateId: c.advocateId,
      accountId: c.accountId,
      score: c.score,
      factors: c.factors,
      rules: c.rules,
      lastUsedOn: c.lastUsedOn,
      willingness: c.willingness,
      name: c.name,
      title: c.title,
      accountName: c.accountName,
      accountOwnerUserId: c.accountOwnerUserId,
      industryKey: c.industryKey,
      employeeCount: c.employeeCount,
      seniorityKey: c.seniorityKey,
      functionKey: c.functionKey,
      orientation: c.orientation,
      country: c.country,
      timeZone: c.timeZone,
      languageKeys: c.languageKeys,
      topicKeys: c.topicKeys,
      productKeys: c.productKeys,
      useCaseKeys: c.useCaseKeys,
      lastVerifiedAt: c.lastVerifiedAt,
      capacity: c.capacity,
    })),
    passingCount: result.passingCount,
    passingCountExact: result.passingCountExact,
    relaxations: result.relaxations,
  };
}
