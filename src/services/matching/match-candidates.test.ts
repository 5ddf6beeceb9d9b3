import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { evaluateHardRules, type HardRule } from '../../domain/matching/hard-rules.js';
import { compareMatches } from '../../domain/matching/ranking.js';
import { scoreCandidate } from '../../domain/matching/score.js';
import type { CandidateFacts, MatchRequest, MatchTaxonomy } from '../../domain/matching/types.js';
import type { Criterion } from '../../domain/requests/criteria.js';
import { DEFAULT_PROGRAM_POLICY } from '../../domain/requests/program-policy.js';
import { CAP_COUNTED_ACTIVITY_STATUSES } from '../../domain/requests/request-states.js';
import { defaultTaxonomy } from '../../domain/taxonomy/defaults.js';
import { createHistoryGenerator, generateOpportunities, type GeneratedActivity, type GeneratedDebrief } from '../../seed/generate-history.js';
import { generateProgram, type GeneratedAccount } from '../../seed/generate-program.js';
import { insertHistory, insertOpportunities } from '../../seed/insert-history.js';
import { insertProgram } from '../../seed/insert-program.js';
import { createUser } from '../../../test/helpers/factories.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { matchCandidates, type MatchInput, type MatchOptions, type MatchResult } from './match-candidates.js';
import { MatchIndex } from './match-index/match-index.js';

let t: TestApp;
let program: ReturnType<typeof generateProgram>;
let opportunities: ReturnType<typeof generateOpportunities>;
let history: { activities: GeneratedActivity[]; debriefs: GeneratedDebrief[] };
let today: string;
const policy = DEFAULT_PROGRAM_POLICY;

/** The default taxonomy as plain facts, independently of the database. */
const taxonomy: MatchTaxonomy = (() => {
  const values = defaultTaxonomy();
  return {
    industryParents: Object.fromEntries(values.filter((v) => v.facet === 'industry').map((v) => [v.key, v.parentKey ?? null])),
    seniorityRanks: Object.fromEntries(values.filter((v) => v.facet === 'seniority').map((v) => [v.key, Number(v.attributes?.rank)])),
    labels: Object.fromEntries(values.map((v) => [`${v.facet} ${v.key}`, v.label])),
  };
})();
const weights = new Map(defaultTaxonomy().filter((v) => v.facet === 'activity_type').map((v) => [v.key, Number(v.attributes?.weight ?? 1)]));

beforeAll(async () => {
  t = await createTestApp();
  const seller = await createUser(t.deps.db, { roles: ['sales'] });
  const now = t.clock.now();
  today = now.toISOString().slice(0, 10);
  program = generateProgram({ seed: 7, accounts: 90, ownerUserIds: [], now });
  opportunities = generateOpportunities({ seed: 7, now, ownerUserIds: [seller.id], count: 8, accounts: program.accounts });
  history = createHistoryGenerator({ seed: 7, now, ownerUserIds: [seller.id], meanActivities: 10 }, opportunities)(program.advocates);
  await insertProgram(t.deps.db, program);
  await insertOpportunities(t.deps.db, opportunities);
  await insertHistory(t.deps.db, history);
});
afterAll(() => t.close());

/** Ranking from the in-memory copy of advocate_match must change nothing but the speed. */
class CountingIndex extends MatchIndex {
  uses = 0;
  override current(db: Parameters<MatchIndex['current']>[0]) {
    this.uses++;
    return super.current(db);
  }
}
const copy = new CountingIndex();

/** Every match twice, ranked in SQL and from the copy (kept current as the data change): the same result. */
async function match(input: MatchInput, options: MatchOptions): Promise<MatchResult> {
  const viaSql = await matchCandidates(t.deps.db, input, { ...options, index: null });
  const viaCopy = await matchCandidates(t.deps.db, input, { ...options, index: copy });
  expect(viaCopy).toEqual(viaSql);
  return viaSql;
}

/** Each advocate's facts computed from the generated records, not the database. */
function oracleFacts(opportunityId: string | null): CandidateFacts[] {
  const accounts = new Map<string, GeneratedAccount>(program.accounts.map((a) => [a.id, a]));
  const counted = history.activities.filter((a) => CAP_COUNTED_ACTIVITY_STATUSES.includes(a.status));
  const debriefs = new Map(history.debriefs.map((d) => [d.activityId, d]));
  return program.advocates.map((v) => {
    const account = accounts.get(v.accountId)!;
    const mine = counted.filter((a) => a.advocateId === v.id);
    const rated = history.activities.filter((a) => a.advocateId === v.id && debriefs.has(a.id)).map((a) => debriefs.get(a.id)!);
    return {
      advocateId: v.id,
      accountId: v.accountId,
      status: v.status,
      willingness: v.willingness,
      seniorityKey: v.seniorityKey,
      functionKey: v.functionKey,
      orientation: v.orientation,
      country: v.country,
      languageKeys: v.languageKeys,
      topicKeys: v.topicKeys,
      useCaseKeys: v.useCaseKeys,
      productKeys: v.productKeys,
      lastVerifiedAt: v.lastVerifiedAt,
      personalCap: null,
      blackouts: v.blackouts,
      account: { industryKey: account.industryKey, employeeCount: account.employeeCount, annualRevenueUsd: account.annualRevenueUsd, referenceStatus: account.referenceStatus, restrictionReason: account.restrictionReason, usageCap: null },
      advocateUses: mine.map((a) => ({ occursOn: a.occursOn, weight: a.weight })),
      accountUses: counted.filter((a) => a.accountId === v.accountId).map((a) => ({ occursOn: a.occursOn, weight: a.weight })),
      lastUsedOn: mine.reduce<string | null>((max, a) => (max === null || a.occursOn > max ? a.occursOn : max), null),
      usedOnOpportunity: opportunityId !== null && history.activities.some((a) => a.advocateId === v.id && a.opportunityId === opportunityId && a.status !== 'cancelled'),
      history: { asked: 0, accepted: 0, rated: rated.length, metNeeds: rated.filter((d) => d.metNeeds >= 4).length },
    };
  });
}

function expected(input: MatchInput) {
  const request: MatchRequest = { ...input };
  const context = { today, caps: policy.caps, weight: weights.get(input.activityTypeKey) ?? 1, activityNoun: 'uses', taxonomy };
  return oracleFacts(input.opportunityId)
    .filter((f) => !input.excludeAdvocateIds.includes(f.advocateId))
    .map((f) => ({ facts: f, result: evaluateHardRules(f, request, context) }));
}

const base: MatchInput = {
  activityTypeKey: 'reference_call',
  neededBy: '',
  prospect: { industryKey: 'banking', employeeCount: 5_000, annualRevenueUsd: 900_000_000, country: 'DE', contactSeniorityKey: 'vp', contactFunctionKey: 'it', productKeys: ['insights_cloud'] },
  criteria: [],
  topicKeys: ['security', 'migration'],
  opportunityId: null,
  excludedAccountIds: [],
  excludeAdvocateIds: [],
  limit: 1_000,
};
const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function checkAgainstOracle(input: MatchInput) {
  const result = await match(input, { now: t.clock.now(), needed: 1 });
  const oracle = expected(input);
  const passing = oracle.filter((o) => o.result.passed);
  expect(result.passingCountExact).toBe(true);
  expect(new Set(result.candidates.map((c) => c.advocateId))).toEqual(new Set(passing.map((o) => o.facts.advocateId)));
  expect(result.passingCount).toBe(passing.length);
  const scored = passing
    .map((o) => ({
      advocateId: o.facts.advocateId,
      lastUsedOn: o.facts.lastUsedOn,
      score: scoreCandidate(o.facts, { ...input }, {
        today,
        weights: policy.matchingWeights,
        taxonomy,
        advocateUsed: o.result.capacity.advocateUsed,
        advocateCap: policy.caps.advocateUnits,
        windowDays: policy.caps.windowDays,
        staleAfterMonths: 12,
      }).score,
    }))
    .sort(compareMatches);
  expect(result.candidates.map((c) => [c.advocateId, c.score])).toEqual(scored.map((s) => [s.advocateId, s.score]));
  // With more needed than pass: relaxations, each counting exactly who fails only that rule.
  const wanting = await match({ ...input, limit: 1 }, { now: t.clock.now(), needed: 10_000 });
  const relaxable = oracle.filter((o) => o.facts.status === 'active' && o.facts.account.referenceStatus !== 'not_referenceable');
  const only = new Map<string, number>();
  for (const o of relaxable) {
    const failed = o.result.checks.filter((c) => !c.passed);
    if (failed.length !== 1) continue;
    const kind = failed[0]!.rule === 'must_have' ? `must_have:${input.criteria[failed[0]!.criterionIndex!]!.kind}` : failed[0]!.rule;
    only.set(kind, (only.get(kind) ?? 0) + 1);
  }
  const got = new Map<string, number>();
  for (const r of wanting.relaxations) got.set(r.kind, (got.get(r.kind) ?? 0) + r.extraCandidates);
  expect(got).toEqual(only);
  // With everyone given the explained score, a short page is exactly the head of the whole
  // ranking (history is loaded only for contenders); with the default rounds, the page holds
  // only advocates who pass, best first.
  const page = await match({ ...input, limit: 5 }, { now: t.clock.now(), needed: 1, batch: 1_000_000 });
  expect(page.candidates.map((c) => [c.advocateId, c.score])).toEqual(scored.slice(0, 5).map((s) => [s.advocateId, s.score]));
  const quick = await match({ ...input, limit: 5 }, { now: t.clock.now(), needed: 1 });
  const allowed = new Map(scored.map((s) => [s.advocateId, s.score]));
  expect(quick.candidates.every((c) => allowed.get(c.advocateId) === c.score)).toBe(true);
  expect([...quick.candidates].sort(compareMatches)).toEqual(quick.candidates);
  // Small rounds over several ranking scans see the same advocates in the same order.
  const scans = await match({ ...input, limit: 1_000 }, { now: t.clock.now(), needed: 10_000, batch: 3, rankAhead: 7 });
  expect(scans.candidates.map((c) => [c.advocateId, c.score])).toEqual(result.candidates.map((c) => [c.advocateId, c.score]));
  expect(scans.passingCount).toBe(result.passingCount);
  return { result, oracle };
}

describe('matchCandidates', () => {
  it('finds exactly the advocates the pure rules let through, ranked by the explained score', async () => {
    const uses = copy.uses;
    const { result } = await checkAgainstOracle({ ...base, neededBy: inDays(20) });
    // Nothing in this request needs SQL to rank: every match above also ranked from the copy.
    expect(copy.uses - uses).toBe(5);
    expect(result.candidates.length).toBeGreaterThan(20);
    const best = result.candidates[0]!;
    expect(best.factors.map((f) => f.factor)).toEqual(['industry', 'scale', 'geography', 'products', 'persona', 'topics', 'freshness', 'load', 'track_record']);
    expect(best.factors.every((f) => f.detail.length > 0)).toBe(true);
    expect(best.rules.map((r) => r.rule)).toContain('rest_period');
  });

  it('ranks on freshness, load and track record alone when the request asks nothing else', async () => {
    const { result } = await checkAgainstOracle({ ...base, neededBy: inDays(25), prospect: {}, topicKeys: [] });
    expect(result.candidates[0]?.factors.map((f) => f.factor)).toEqual(['freshness', 'load', 'track_record']);
  });

  it('applies must-haves, competitors and an opportunity’s earlier uses exactly like the rules', async () => {
    const opportunity = opportunities.find((o) => history.activities.some((a) => a.opportunityId === o.id && a.status !== 'cancelled'))!;
    await checkAgainstOracle({
      ...base,
      neededBy: inDays(35),
      opportunityId: opportunity.id,
      excludedAccountIds: program.accounts.slice(0, 5).map((a) => a.id),
      excludeAdvocateIds: program.advocates.slice(0, 10).map((a) => a.id),
      criteria: [
        { kind: 'region', values: ['Europe', 'Americas'], mustHave: true },
        { kind: 'topic', values: ['security', 'implementation', 'roi'], mustHave: true },
        { kind: 'sector', values: ['financial_services'], mustHave: false },
      ],
    });
  });

  it('agrees with the rules for any mix of criteria, activity type and date', async () => {
    const values: Record<Criterion['kind'], string[]> = {
      industry: ['banking', 'software', 'insurance', 'financial_services'],
      sector: ['financial_services', 'information_technology', 'health_care'],
      country: ['US', 'GB', 'DE', 'FR', 'JP'],
      region: ['Europe', 'Asia', 'Northern America'],
      language: ['de', 'fr', 'ja', 'en'],
      product: ['insights_cloud', 'data_pipelines', 'governance_suite'],
      use_case: ['data_integration', 'self_service_reporting', 'customer_360'],
      seniority: ['c_level', 'vp', 'director'],
      function: ['it', 'finance', 'engineering'],
      orientation: ['technical', 'business'],
      company_size: ['employees_1000', 'employees_5000', 'employees_100'],
      topic: ['security', 'migration', 'roi', 'analytics'],
    };
    const criterion = fc.constantFrom(...(Object.keys(values) as Criterion['kind'][])).chain((kind) =>
      fc.record({ kind: fc.constant(kind), values: fc.subarray(values[kind], { minLength: 1, maxLength: 2 }), mustHave: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(criterion, { maxLength: 3 }),
        fc.constantFrom('reference_call', 'case_study', 'site_visit', 'peer_review'),
        fc.integer({ min: 1, max: 120 }),
        async (criteria, activityTypeKey, days) => {
          await checkAgainstOracle({ ...base, criteria, activityTypeKey, neededBy: inDays(days) });
        },
      ),
      { numRuns: 15, seed: 5150 },
    );
  });

  it('says what to relax, counting exactly who fails only that rule', async () => {
    const input: MatchInput = {
      ...base,
      neededBy: inDays(10),
      criteria: [
        { kind: 'country', values: ['FR'], mustHave: true },
        { kind: 'seniority', values: ['c_level'], mustHave: true },
      ],
    };
    const result = await match(input, { now: t.clock.now(), needed: 50 });
    const oracle = expected(input);
    expect(result.passingCount).toBe(oracle.filter((o) => o.result.passed).length);
    expect(result.passingCount).toBeLessThan(50);
    const onlyFailing = (rule: HardRule, criterionIndex?: number) =>
      oracle.filter((o) => {
        const failed = o.result.checks.filter((c) => !c.passed);
        return failed.length === 1 && failed[0]?.rule === rule && failed[0]?.criterionIndex === criterionIndex && o.facts.status === 'active' && o.facts.account.referenceStatus !== 'not_referenceable';
      });
    const country = result.relaxations.find((r) => r.kind === 'must_have:country');
    expect(country?.extraCandidates).toBe(onlyFailing('must_have', 0).length);
    expect(country?.suggestion).toMatch(/^(No match|Only \d+) in France; \d+ more in Europe: ask for the region instead\.$|^Make country France a nice-to-have/);
    for (const rule of ['available', 'rest_period', 'referenceable', 'willing'] as const) {
      expect(result.relaxations.find((r) => r.kind === rule)?.extraCandidates ?? 0, rule).toBe(onlyFailing(rule).length);
    }
    expect(result.relaxations.every((r) => r.extraCandidates > 0 && r.suggestion.length > 0)).toBe(true);
  });

  it('never reads or returns contact details', async () => {
    const result = await match({ ...base, neededBy: inDays(20), limit: 50 }, { now: t.clock.now() });
    const text = JSON.stringify(result);
    const emails = program.advocates.map((a) => a.email);
    expect(emails.some((e) => text.includes(e))).toBe(false);
    expect(program.advocates.some((a) => text.includes(a.phone))).toBe(false);
    expect(text).not.toMatch(/"(email|phone)"/);
  });

  it('follows every change: pausing, restricting, a blackout, a refusal and a new use', async () => {
    const input = { ...base, neededBy: inDays(30), limit: 1_000 };
    const before = await match(input, { now: t.clock.now() });
    const [a, b, c, d, e] = before.candidates.filter((x, i, all) => all.findIndex((y) => y.accountId === x.accountId) === i);
    await t.deps.db.execute(sql`update advocates set status = 'paused' where id = ${a!.advocateId}`);
    await t.deps.db.execute(sql`update accounts set reference_status = 'restricted', restriction_reason = 'Renewal' where id = ${b!.accountId}`);
    await t.deps.db.execute(sql`insert into advocate_blackouts (advocate_id, starts_on, ends_on) values (${c!.advocateId}, ${inDays(5)}, ${inDays(6)})`);
    await t.deps.db.execute(sql`update advocates set willingness = willingness || '{"reference_call":"no"}'::jsonb where id = ${d!.advocateId}`);
    await t.deps.db.execute(sql`insert into activities (advocate_id, account_id, activity_type_key, status, occurs_on, weight) values (${e!.advocateId}, ${e!.accountId}, 'reference_call', 'planned', ${inDays(33)}, 1)`);
    // A new weighting reaches the copy's matches at once (both ways must agree, see match()).
    const weights = JSON.stringify({ matchingWeights: { ...policy.matchingWeights, topics: 40 } });
    await t.deps.db.execute(sql`insert into program_policies (id, policies) values (1, ${weights}::jsonb)
      on conflict (id) do update set policies = excluded.policies`);
    const after = await match(input, { now: t.clock.now() });
    expect(after.candidates[0]?.factors.find((f) => f.factor === 'topics')?.maximum).toBeGreaterThan(before.candidates[0]?.factors.find((f) => f.factor === 'topics')?.maximum ?? 0);
    const ids = new Set(after.candidates.map((x) => x.advocateId));
    for (const gone of [a, c, d, e]) expect(ids.has(gone!.advocateId)).toBe(false);
    expect(after.candidates.some((x) => x.accountId === b!.accountId)).toBe(false);
    const [row] = await queryRows<{ last_used_on: string }>(t.deps.db, sql`select last_used_on::text from advocate_match where advocate_id = ${e!.advocateId}`);
    expect(row?.last_used_on).toBe(inDays(33));
  });
});
