import { z } from 'zod';
import { matchFactorSchema } from './presenter.js';

/** Matches as a re-match returns them: profile facts only, never an e-mail or a phone. */
export const matchResultSchema = z
  .object({
    candidates: z.array(
      z.object({
        advocateId: z.uuid(),
        accountId: z.uuid(),
        score: z.number(),
        name: z.string(),
        title: z.string().nullable(),
        accountName: z.string(),
        factors: z.array(matchFactorSchema),
        lastUsedOn: z.string().nullable(),
        willingness: z.enum(['yes', 'ask_first']).optional(),
        rules: z.array(z.object({ rule: z.string(), label: z.string(), detail: z.string() })).optional(),
      }),
    ),
    passingCount: z.number().int(),
    passingCountExact: z.boolean().optional(),
    relaxations: z.array(z.object({ kind: z.string(), label: z.string(), extraCandidates: z.number().int(), suggestion: z.string() })),
  })
  .meta({ id: 'RequestMatches' });
