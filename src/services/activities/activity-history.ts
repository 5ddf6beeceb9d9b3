import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import { formatISO } from 'date-fns';
import { accounts, activities, advocates } from '../../db/schema/index.js';
import { busiestWindowLoad, dayNumber, isoFromDayNumber } from '../../domain/requests/caps.js';
import { CAP_COUNTED_ACTIVITY_STATUSES } from '../../domain/requests/request-states.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import type { Page } from '../pagination.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { listActivities, type ActivityFilters, type ActivityListItem } from './list-activities.js';

/** How much of its cap an advocate or account uses in the busiest rolling window around today. */
export interface LoadSummary {
  windowDays: number;
  usedUnits: number;
  capUnits: number;
  /** Held and planned uses from today on. */
  upcoming: number;
  /** The last day of the rest period after the latest use (advocates; null when rested). */
  restUntil: string | null;
}

export interface ActivityHistory extends Page<ActivityListItem> {
  load: LoadSummary;
}

async function loadOf(deps: ServiceDeps, on: { advocateId: string } | { accountId: string }, cap: number, restDays: number, windowDays: number): Promise<LoadSummary> {
  const today = formatISO(deps.now(), { representation: 'date' });
  const day = dayNumber(today);
  const uses = await deps.db
    .select({ occursOn: activities.occursOn, weight: activities.weight, status: activities.status })
    .from(activities)
    .where(
      and(
        'advocateId' in on ? eq(activities.advocateId, on.advocateId) : eq(activities.accountId, on.accountId),
        inArray(activities.status, [...CAP_COUNTED_ACTIVITY_STATUSES]),
        gte(activities.occursOn, isoFromDayNumber(day - windowDays)),
        lte(activities.occursOn, isoFromDayNumber(day + windowDays)),
      ),
    );
  const counted = uses.map((u) => ({ occursOn: u.occursOn, weight: Number(u.weight) }));
  const lastPast = counted.map((u) => dayNumber(u.occursOn)).filter((d) => d <= day);
  const latest = lastPast.length ? Math.max(...lastPast) : null;
  const restUntil = 'advocateId' in on && latest !== null && latest + restDays > day ? isoFromDayNumber(latest + restDays) : null;
  return {
    windowDays,
    usedUnits: busiestWindowLoad(counted, today, windowDays),
    capUnits: cap,
    upcoming: uses.filter((u) => (u.status === 'held' || u.status === 'planned') && u.occursOn >= today).length,
    restUntil,
  };
}

type PageInput = { cursor?: string; limit: number };

/** An advocate's uses (all of them: the presenter hides details the viewer may not see) and their load. */
export async function listAdvocateHistory(deps: ServiceDeps, advocateId: string, filters: ActivityFilters, page: PageInput): Promise<ActivityHistory> {
  const [advocate] = await deps.db.select({ personalCap: advocates.personalCap }).from(advocates).where(eq(advocates.id, advocateId)).limit(1);
  if (!advocate) throw notFound('The advocate');
  const policy = await getProgramPolicy(deps.db);
  const list = await listActivities(deps, { kind: 'all' }, { ...filters, advocateId }, page);
  const load = await loadOf(deps, { advocateId }, advocate.personalCap ?? policy.caps.advocateUnits, policy.caps.restDays, policy.caps.windowDays);
  return { ...list, load };
}

/** An account's uses across its advocates, and its load against the account cap. */
export async function listAccountHistory(deps: ServiceDeps, accountId: string, filters: ActivityFilters, page: PageInput): Promise<ActivityHistory> {
  const [account] = await deps.db.select({ usageCap: accounts.usageCap }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  if (!account) throw notFound('The account');
  const policy = await getProgramPolicy(deps.db);
  const list = await listActivities(deps, { kind: 'all' }, { ...filters, accountId }, page);
  const load = await loadOf(deps, { accountId }, account.usageCap ?? policy.caps.accountUnits, 0, policy.caps.windowDays);
  return { ...list, load };
}
