import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { CAPACITY_RULES, type HardRule, type HardRuleContext } from '../../domain/matching/hard-rules.js';
import type { RelaxationCount } from '../../domain/matching/relaxations.js';
import type { CandidateFacts, MatchRequest } from '../../domain/matching/types.js';
import { evaluateCapacity } from '../../domain/requests/caps.js';
import { loadCountedUses } from './match-facts.js';
import type { NamedCondition } from './match-sql.js';

/** Above this many "fail only one rule" advocates, their capacity is not checked (counts are large anyway). */
const CAPACITY_CHECK_LIMIT = 2_000;

interface FailRow {
  advocate_id: string;
  account_id: string;
  failed: number;
  widened: boolean;
  personal_cap: string | number | null;
  usage_cap: string | number | null;
  restriction_reason: string | null;
}

/**
 * How many more advocates each rule or must-have would yield if relaxed alone. One scan of
 * advocate_match finds the advocates failing exactly one SQL rule (and whether they meet the
 * widened form of a country or industry must-have); their capacity is then checked like the
 * candidates'. Capacity rules are counted over the examined candidates, which are every
 * advocate that passed the SQL rules when this runs.
 */
export async function countRelaxations(
  db: Executor,
  input: {
    request: MatchRequest;
    conditions: NamedCondition[];
    /** Always excluded (already proposed on this request): never offered back. */
    scope: SQL;
    examined: { facts: CandidateFacts; checks: { rule: HardRule; passed: boolean }[] }[];
    context: HardRuleContext;
  },
): Promise<{ counts: RelaxationCount[]; restrictionReasons: string[] }> {
  const { conditions, request, context } = input;
  const fails = conditions.map((c) => sql`(not coalesce(${c.sql}, false))::int`);
  const which = conditions.map((c, i) => sql` when not coalesce(${c.sql}, false) then ${i}::int`);
  const widenings = conditions.flatMap((c, i) => (c.widened ? [sql` when ${i}::int then coalesce(${c.widened.sql}, false)`] : []));
  const widened = widenings.length ? sql`case case${sql.join(which, sql``)} end${sql.join(widenings, sql``)} else false end` : sql`false`;
  const rows = fails.length
    ? await queryRows<FailRow>(
        db,
        sql`select f.advocate_id, f.account_id, f.failed, f.widened, a.personal_cap, acc.usage_cap, acc.restriction_reason
            from (
              select m.advocate_id, m.account_id, case${sql.join(which, sql``)} end as failed,
                ${widened} as widened
              from advocate_match m where ${input.scope} and ${sql.join(fails, sql` + `)} = 1
              limit ${CAPACITY_CHECK_LIMIT + 1}) f
            join advocates a on a.id = f.advocate_id join accounts acc on acc.id = f.account_id`,
      )
    : [];
  const checkCapacity = rows.length <= CAPACITY_CHECK_LIMIT;
  let fits = (_row: FailRow) => true;
  if (checkCapacity && rows.length) {
    const span = Math.max(context.caps.windowDays, context.caps.restDays);
    const byAccount = new Map<string, Awaited<ReturnType<typeof loadCountedUses>>>();
    for (const u of await loadCountedUses(db, rows.map((r) => r.account_id), request.neededBy, span)) byAccount.set(u.accountId, [...(byAccount.get(u.accountId) ?? []), u]);
    fits = (row) =>
      evaluateCapacity({
        advocateUses: (byAccount.get(row.account_id) ?? []).filter((u) => u.advocateId === row.advocate_id).map((u) => u.use),
        accountUses: (byAccount.get(row.account_id) ?? []).map((u) => u.use),
        advocateCap: row.personal_cap === null ? context.caps.advocateUnits : Number(row.personal_cap),
        accountCap: row.usage_cap === null ? context.caps.accountUnits : Number(row.usage_cap),
        windowDays: context.caps.windowDays,
        restDays: context.caps.restDays,
        on: request.neededBy,
        weight: context.weight,
      }).ok;
  }
  const counts: RelaxationCount[] = conditions.map((c, i) => {
    const failing = rows.filter((r) => r.failed === i && fits(r));
    const criterion = c.criterionIndex === undefined ? undefined : request.criteria[c.criterionIndex];
    return {
      rule: c.rule,
      criterion,
      extraCandidates: failing.length,
      widened: c.widened ? { values: c.widened.values, extraCandidates: failing.filter((r) => r.widened).length } : undefined,
    };
  });
  for (const rule of CAPACITY_RULES) {
    const only = input.examined.filter((e) => {
      const failed = e.checks.filter((c) => !c.passed);
      return failed.length === 1 && failed[0]?.rule === rule;
    });
    counts.push({ rule, extraCandidates: only.length });
  }
  const referenceable = conditions.findIndex((c) => c.rule === 'referenceable');
  const restrictionReasons = rows.filter((r) => r.failed === referenceable && r.restriction_reason).map((r) => r.restriction_reason ?? '');
  return { counts, restrictionReasons };
}
