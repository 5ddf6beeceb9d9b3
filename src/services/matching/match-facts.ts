import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { CandidateFacts, Willingness } from '../../domain/matching/types.js';
import { dayNumber, isoFromDayNumber, type CountedUse } from '../../domain/requests/caps.js';
import { CAP_COUNTED_ACTIVITY_STATUSES, LIVE_CANDIDATE_STATUSES, SECURED_CANDIDATE_STATUSES } from '../../domain/requests/request-states.js';
import { textArray } from '../search/advocate-search-sql.js';
import { uuidArray } from './match-sql.js';

/** What a candidate shows besides its facts: never e-mail or phone. */
export interface CandidateDisplay {
  firstName: string;
  lastName: string;
  title: string | null;
  timeZone: string | null;
  accountName: string;
  accountOwnerUserId: string | null;
}

interface DetailRow {
  id: string;
  account_id: string;
  first_name: string;
  last_name: string;
  title: string | null;
  status: string;
  willingness: Record<string, Willingness>;
  seniority_key: string | null;
  function_key: string | null;
  orientation: string | null;
  country: string | null;
  time_zone: string | null;
  language_keys: string[];
  topic_keys: string[];
  use_case_keys: string[];
  product_keys: string[];
  last_verified_at: string | Date | null;
  personal_cap: string | number | null;
  account_name: string;
  industry_key: string | null;
  employee_count: number | null;
  annual_revenue_usd: string | number | null;
  reference_status: string;
  restriction_reason: string | null;
  usage_cap: string | number | null;
  owner_user_id: string | null;
  last_used_on: string | null;
  blackouts: string | null;
  asked: number;
  accepted: number;
  rated: number;
  met: number;
}

const numberOrNull = (v: string | number | null) => (v === null ? null : Number(v));
const isoOrNull = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

/** The advocates' and accounts' uses counted against caps, within `span` days of the date. */
export async function loadCountedUses(db: Executor, accountIds: readonly string[], on: string, span: number): Promise<{ advocateId: string; accountId: string; use: CountedUse }[]> {
  if (accountIds.length === 0) return [];
  const day = dayNumber(on);
  const rows = await queryRows<{ advocate_id: string; account_id: string; occurs_on: string; weight: string | number }>(
    db,
    sql`select x.advocate_id, x.account_id, x.occurs_on::text as occurs_on, x.weight from activities x
        where x.account_id = any(${uuidArray([...new Set(accountIds)])}) and x.status = any(${textArray(CAP_COUNTED_ACTIVITY_STATUSES)})
          and x.occurs_on between ${isoFromDayNumber(day - span)}::date and ${isoFromDayNumber(day + span)}::date`,
  );
  return rows.map((r) => ({ advocateId: r.advocate_id, accountId: r.account_id, use: { occursOn: r.occurs_on, weight: Number(r.weight) } }));
}

/** Parses a datemultirange as PostgreSQL prints it: {[2026-01-01,2026-01-06),[…)} (canonical: inclusive start, exclusive end). */
export function parseDateRanges(text: string | null): { startsOn: string; endsOn: string }[] {
  if (!text) return [];
  return [...text.matchAll(/\[(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})\)/g)].map((m) => ({
    startsOn: m[1] ?? '',
    endsOn: isoFromDayNumber(dayNumber(m[2] ?? '') - 1),
  }));
}

/**
 * Advocates already used on the opportunity: an activity (not cancelled), or a live or secured
 * candidate on any of its requests.
 */
export async function loadUsedOnOpportunity(db: Executor, opportunityId: string | null): Promise<string[]> {
  if (!opportunityId) return [];
  const rows = await queryRows<{ advocate_id: string }>(
    db,
    sql`select advocate_id from activities where opportunity_id = ${opportunityId}::uuid and status <> 'cancelled'
        union
        select c.advocate_id from request_candidates c join reference_requests r on r.id = c.request_id
        where r.opportunity_id = ${opportunityId}::uuid and c.status = any(${textArray([...LIVE_CANDIDATE_STATUSES, ...SECURED_CANDIDATE_STATUSES])})`,
  );
  return rows.map((r) => r.advocate_id);
}

/**
 * The facts of any advocates (picked by hand, say), with their track record: profiles and accounts,
 * blackouts, counted uses of their accounts near the date. Never e-mail or phone.
 */
export async function loadCandidateFacts(
  db: Executor,
  rows: readonly { advocateId: string; accountId: string }[],
  context: { on: string; span: number; usedOnOpportunity: ReadonlySet<string> },
): Promise<{ facts: CandidateFacts; display: CandidateDisplay }[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.advocateId);
  return loadCandidateDetails(db, { ids, ...context, source: 'advocates' });
}

/** Pool sizes are counted up to this many (a page never needs more; above it the count is an estimate). */
export const POOL_COUNT_CAP = 5_000;

/** How many advocate_match rows pass `where`, counting no further than POOL_COUNT_CAP. */
export async function countPool(db: Executor, where: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from advocate_match m where ${where} limit ${POOL_COUNT_CAP}) p`);
  return row?.n ?? 0;
}

/** The ids of the advocate_match rows passing `where`, best cheap score first, then least recently used. */
export async function rankPool(db: Executor, query: { where: SQL; score: SQL; offset: number; limit: number }): Promise<string[]> {
  const rows = await queryRows<{ advocate_id: string }>(
    db,
    sql`select m.advocate_id from advocate_match m where ${query.where}
        order by ${query.score} desc, m.last_used_on asc nulls first, m.advocate_id limit ${query.limit} offset ${query.offset}`,
  );
  return rows.map((r) => r.advocate_id);
}

/**
 * The details of these advocates in one round trip, in the order of `ids` (those found): profiles
 * and accounts, last use and blackouts, the counted uses of their accounts near the date, and their
 * track record (kept by triggers, migration 0021). Every rule is checked again in TypeScript
 * (evaluateHardRules) on what this reads, so the pool's conditions are not repeated here. Never
 * e-mail or phone.
 */
export async function loadCandidateDetails(
  db: Executor,
  query: {
    ids: readonly string[];
    on: string;
    span: number;
    usedOnOpportunity: ReadonlySet<string>;
    /** advocates: every advocate asked for, matchable or not, blackouts read from their own table. */
    source?: 'match' | 'advocates';
  },
): Promise<{ facts: CandidateFacts; display: CandidateDisplay }[]> {
  if (query.ids.length === 0) return [];
  const day = dayNumber(query.on);
  const ids = uuidArray(query.ids);
  const rows = await queryRows<DetailRow & { uses: [boolean, string, string | number][] | null }>(
    db,
    sql`select a.id, a.account_id, a.first_name, a.last_name, a.title, a.status, a.willingness, a.seniority_key, a.function_key,
          a.orientation, a.country, a.time_zone, a.language_keys, a.topic_keys, a.use_case_keys, a.product_keys, a.last_verified_at,
          a.personal_cap, acc.name as account_name, acc.industry_key, acc.employee_count, acc.annual_revenue_usd, acc.reference_status,
          acc.restriction_reason, acc.usage_cap, acc.owner_user_id, t.last_used_on::text as last_used_on, t.blackouts::text as blackouts,
          coalesce(h.asked, 0) as asked, coalesce(h.accepted, 0) as accepted, coalesce(h.rated, 0) as rated, coalesce(h.met_needs, 0) as met,
          (select json_agg(json_build_array(x.advocate_id = t.advocate_id, x.occurs_on, x.weight)) from activities x
            where x.account_id = t.account_id and x.status = any(${textArray(CAP_COUNTED_ACTIVITY_STATUSES)})
              and x.occurs_on between ${isoFromDayNumber(day - query.span)}::date and ${isoFromDayNumber(day + query.span)}::date) as uses
        from (${
          query.source === 'advocates'
            ? sql`select m.id as advocate_id, m.account_id, u.last_used_on, b.blackouts from advocates m
                  left join advocate_match u on u.advocate_id = m.id
                  left join lateral (select range_agg(daterange(x.starts_on, x.ends_on, '[]')) as blackouts from advocate_blackouts x where x.advocate_id = m.id) b on true
                  where m.id = any(${ids})`
            : sql`select m.advocate_id, m.account_id, m.last_used_on, m.blackouts from advocate_match m where m.advocate_id = any(${ids})`
        }) t
        join advocates a on a.id = t.advocate_id join accounts acc on acc.id = t.account_id
        left join advocate_track_records h on h.advocate_id = t.advocate_id`,
  );
  const byId = new Map(rows.map((d) => [d.id, d]));
  const details = query.ids.flatMap((id) => byId.get(id) ?? []);
  return details.map((d) => {
    // Each of the account's uses, flagged when it is this advocate's own.
    const accountUses = (d.uses ?? []).map(([own, occursOn, weight]) => ({ own, use: { occursOn: String(occursOn).slice(0, 10), weight: Number(weight) } }));
    const facts: CandidateFacts = {
      advocateId: d.id,
      accountId: d.account_id,
      status: d.status,
      willingness: d.willingness ?? {},
      seniorityKey: d.seniority_key,
      functionKey: d.function_key,
      orientation: d.orientation,
      country: d.country,
      languageKeys: d.language_keys,
      topicKeys: d.topic_keys,
      useCaseKeys: d.use_case_keys,
      productKeys: d.product_keys,
      lastVerifiedAt: isoOrNull(d.last_verified_at),
      personalCap: numberOrNull(d.personal_cap),
      blackouts: parseDateRanges(d.blackouts),
      account: {
        industryKey: d.industry_key,
        employeeCount: d.employee_count,
        annualRevenueUsd: numberOrNull(d.annual_revenue_usd),
        referenceStatus: d.reference_status,
        restrictionReason: d.restriction_reason,
        usageCap: numberOrNull(d.usage_cap),
      },
      advocateUses: accountUses.filter((u) => u.own).map((u) => u.use),
      accountUses: accountUses.map((u) => u.use),
      lastUsedOn: d.last_used_on,
      usedOnOpportunity: query.usedOnOpportunity.has(d.id),
      history: { asked: d.asked, accepted: d.accepted, rated: d.rated, metNeeds: d.met },
    };
    const display: CandidateDisplay = {
      firstName: d.first_name,
      lastName: d.last_name,
      title: d.title,
      timeZone: d.time_zone,
      accountName: d.account_name,
      accountOwnerUserId: d.owner_user_id,
    };
    return { facts, display };
  });
}
