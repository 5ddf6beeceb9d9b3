import { z } from 'zod';
import type { AdvocateImpact } from '../../../services/portal/get-advocate-impact.js';
import { impactActivity, impactThankYou, impactTotals } from '../portal/presenter.js';

/** The internal view (admins, the account's owner): the opportunities by name, with amounts. */
export const advocateImpactSchema = z
  .object({
    advocate: z.object({ id: z.uuid(), name: z.string(), points: z.number().int() }),
    activities: z.array(impactActivity.extend({ requestId: z.uuid().nullable(), title: z.string().nullable() })),
    wins: z.array(
      z.object({ opportunityId: z.uuid(), opportunityName: z.string(), prospectName: z.string(), amountWonUsd: z.number().nullable(), wonOn: z.string(), activityCount: z.number().int() }),
    ),
    thankYous: z.array(impactThankYou),
    totals: impactTotals,
  })
  .meta({ id: 'AdvocateImpact' });

export function presentAdvocateImpact(impact: AdvocateImpact): z.infer<typeof advocateImpactSchema> {
  const { advocate } = impact;
  return {
    advocate: { id: advocate.id, name: `${advocate.firstName} ${advocate.lastName}`, points: advocate.points },
    activities: impact.activities,
    wins: impact.wins,
    thankYous: impact.thankYous.map((t) => ({ ...t, givenAt: t.givenAt.toISOString() })),
    totals: impact.totals,
  };
}
