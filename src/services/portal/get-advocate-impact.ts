import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { accounts, activities, advocates, impactRecords, opportunities, taxonomyValues, thankYous, users } from '../../db/schema/index.js';
import type { ThankYouKind } from '../../db/schema/index.js';
import type { ActivityStatus } from '../../domain/requests/request-states.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

export interface ImpactActivity {
  id: string;
  activityTypeKey: string;
  activityLabel: string;
  occursOn: string;
  status: ActivityStatus;
  requestId: string | null;
  /** Internal: the title of a use logged outside the flow. */
  title: string | null;
  /** The prospect's company when the use was for a deal. */
  prospectName: string | null;
}

export interface ImpactWin {
  opportunityId: string;
  /** Internal: the opportunity's name and amount. */
  opportunityName: string;
  amountWonUsd: number | null;
  prospectName: string;
  wonOn: string;
  /** How many of the advocate's uses were part of the deal. */
  activityCount: number;
}

export interface ImpactThankYou {
  id: string;
  kind: ThankYouKind;
  points: number;
  note: string | null;
  givenAt: Date;
  givenByName: string;
}

export interface AdvocateImpact {
  advocate: { id: string; firstName: string; lastName: string; points: number; accountOwnerUserId: string | null };
  activities: ImpactActivity[];
  wins: ImpactWin[];
  thankYous: ImpactThankYou[];
  totals: { happened: number; upcoming: number; dealsWon: number; thankYous: number; points: number };
}

const LIMIT = 500;

/**
 * What an advocate's help amounted to: the uses (not the cancelled ones), the deals won with
 * their help, the thank-yous and points. Presenters decide what each audience sees; `check`
 * (the caller's policy) runs once the advocate's account is known.
 */
export async function getAdvocateImpact(deps: ServiceDeps, advocateId: string, check?: (access: { accountOwnerUserId: string | null }) => void): Promise<AdvocateImpact> {
  const { db } = deps;
  const [advocate] = await db
    .select({ id: advocates.id, firstName: advocates.firstName, lastName: advocates.lastName, points: advocates.points, accountOwnerUserId: accounts.ownerUserId })
    .from(advocates)
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(eq(advocates.id, advocateId))
    .limit(1);
  if (!advocate) throw notFound('The advocate');
  check?.({ accountOwnerUserId: advocate.accountOwnerUserId });

  const [uses, records, thanks] = await Promise.all([
    db
      .select({
        id: activities.id,
        activityTypeKey: activities.activityTypeKey,
        occursOn: activities.occursOn,
        status: activities.status,
        requestId: activities.requestId,
        title: activities.title,
        prospectName: opportunities.prospectName,
      })
      .from(activities)
      .leftJoin(opportunities, eq(opportunities.id, activities.opportunityId))
      .where(and(eq(activities.advocateId, advocateId), ne(activities.status, 'cancelled')))
      .orderBy(desc(activities.occursOn), desc(activities.id))
      .limit(LIMIT),
    db
      .select({
        opportunityId: impactRecords.opportunityId,
        opportunityName: opportunities.name,
        prospectName: opportunities.prospectName,
        amountWonUsd: opportunities.amountWonUsd,
        wonOn: impactRecords.wonOn,
      })
      .from(impactRecords)
      .innerJoin(opportunities, eq(opportunities.id, impactRecords.opportunityId))
      .where(eq(impactRecords.advocateId, advocateId))
      .orderBy(desc(impactRecords.wonOn))
      .limit(LIMIT),
    db
      .select({ id: thankYous.id, kind: thankYous.kind, points: thankYous.points, note: thankYous.note, givenAt: thankYous.givenAt, givenByName: users.name })
      .from(thankYous)
      .innerJoin(users, eq(users.id, thankYous.givenByUserId))
      .where(eq(thankYous.advocateId, advocateId))
      .orderBy(desc(thankYous.givenAt), desc(thankYous.id))
      .limit(LIMIT),
  ]);

  const typeKeys = [...new Set(uses.map((u) => u.activityTypeKey))];
  const labels = typeKeys.length
    ? await db
        .select({ key: taxonomyValues.key, label: taxonomyValues.label })
        .from(taxonomyValues)
        .where(and(eq(taxonomyValues.facet, 'activity_type'), inArray(taxonomyValues.key, typeKeys)))
    : [];
  const labelOf = new Map(labels.map((l) => [l.key, l.label]));

  const wins = new Map<string, ImpactWin>();
  for (const r of records) {
    const win = wins.get(r.opportunityId);
    if (win) win.activityCount += 1;
    else wins.set(r.opportunityId, { ...r, activityCount: 1 });
  }

  return {
    advocate,
    activities: uses.map((u) => ({ ...u, activityLabel: labelOf.get(u.activityTypeKey) ?? u.activityTypeKey })),
    wins: [...wins.values()],
    thankYous: thanks,
    totals: {
      happened: uses.filter((u) => u.status === 'happened').length,
      upcoming: uses.filter((u) => u.status === 'held' || u.status === 'planned').length,
      dealsWon: wins.size,
      thankYous: thanks.length,
      points: advocate.points,
    },
  };
}
