import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { createHistoryGenerator, generateOpportunities } from '../src/seed/generate-history.js';
import { generateProgramChunks } from '../src/seed/generate-program.js';
import { insertHistory, insertOpportunities } from '../src/seed/insert-history.js';
import { insertProgram } from '../src/seed/insert-program.js';
import { matchCandidates, type MatchInput } from '../src/services/matching/match-candidates.js';
import { matchIndexFor } from '../src/services/matching/match-index/match-index.js';
import { ensureDefaultTaxonomy } from '../src/services/taxonomy/seed-default-taxonomy.js';
import { measure, type Timing } from './stats.js';

/** The benchmark's headline case: a seller's reference call with nice-to-haves only (the widest pool). */
export const MATCHING_TARGET_CASE = 'reference call, nice-to-haves (target)';

export interface SeededMatching {
  seedMs: number;
  activities: number;
  opportunityId: string;
  competitorIds: string[];
}

/**
 * Seeds a program of about `advocates` advocates (2.5 per account) with about 10 activities per
 * advocate on average (skewed: some advocates are used dozens of times) over three years and
 * 90 days ahead, requester debriefs for some, and opportunities; streamed in chunks so 1M
 * advocates (10M activities) never sit in memory.
 */
export async function seedMatchingProgram(database: Database, advocates: number): Promise<SeededMatching> {
  await ensureDefaultTaxonomy(database.db);
  const started = performance.now();
  const now = new Date();
  const [seller] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into users (email, name, roles, team, password_hash) values ('seller@bench.example', 'Bench Seller', array['sales'], 'sales', 'x') returning id`,
  );
  const ownerUserIds = [seller!.id];
  let opportunityId = '';
  let competitorIds: string[] = [];
  let history: ReturnType<typeof createHistoryGenerator> | null = null;
  let activities = 0;
  for (const chunk of generateProgramChunks({ seed: 99, accounts: Math.round(advocates / 2.5), ownerUserIds: [], now }, 2_000)) {
    await insertProgram(database.db, chunk);
    if (!history) {
      const opportunities = generateOpportunities({ seed: 99, now, ownerUserIds, count: Math.max(20, Math.round(advocates / 200)), accounts: chunk.accounts });
      await insertOpportunities(database.db, opportunities);
      opportunityId = opportunities[0]!.id;
      competitorIds = opportunities[0]!.excludedAccountIds;
      history = createHistoryGenerator({ seed: 99, now, ownerUserIds, meanActivities: 10 }, opportunities);
    }
    const generated = history(chunk.advocates);
    activities += generated.activities.length;
    await insertHistory(database.db, generated);
    // The activities just rewrote these advocates' advocate_match rows (their last use): reclaim
    // the old versions as autovacuum would, so the next chunk reuses the space.
    await database.db.execute(sql`vacuum advocate_match`);
  }
  await database.db.execute(sql`vacuum analyze`);
  return { seedMs: performance.now() - started, activities, opportunityId, competitorIds };
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Realistic request shapes, from a seller's broad ask to a narrow one that needs relaxations,
 * ranked from the in-memory copy of advocate_match as the app ranks them; the headline case
 * also ranked in SQL (the path taken when a condition only SQL can answer), in the same run.
 */
export async function benchMatching(database: Database, seeded: SeededMatching, iterations: number): Promise<Record<string, Timing>> {
  const countries = ['DE', 'US', 'FR', 'GB', 'JP'];
  const seniorities = ['vp', 'director', 'c_level'];
  const base = (i: number): MatchInput => ({
    activityTypeKey: 'reference_call',
    neededBy: inDays(21),
    prospect: {
      industryKey: i % 2 ? 'banking' : 'software',
      employeeCount: 5_000 + (i % 7) * 1_000,
      annualRevenueUsd: 900_000_000,
      country: countries[i % countries.length],
      contactSeniorityKey: seniorities[i % seniorities.length],
      contactFunctionKey: 'it',
      productKeys: ['insights_cloud'],
    },
    criteria: [],
    topicKeys: ['security', 'migration'],
    opportunityId: null,
    excludedAccountIds: [],
    excludeAdvocateIds: [],
    limit: 20,
  });
  const index = matchIndexFor(database.db);
  const loading = performance.now();
  await index.current(database.db);
  const loadMs = performance.now() - loading;
  const run =
    (shape: (i: number) => MatchInput, needed = 1, rank: 'copy' | 'sql' = 'copy') =>
    (i: number) =>
      matchCandidates(database.db, shape(i), { needed, index: rank === 'copy' ? index : null });
  return {
    'in-memory copy: first load (once)': { p50: loadMs, p95: loadMs },
    [MATCHING_TARGET_CASE]: await measure(iterations, run(base)),
    'the same, ranked in SQL': await measure(iterations, run(base, 1, 'sql')),
    'must-have region + topic': await measure(
      iterations,
      run((i) => ({
        ...base(i),
        criteria: [
          { kind: 'region', values: ['Europe'], mustHave: true },
          { kind: 'topic', values: ['security'], mustHave: true },
          { kind: 'sector', values: ['financial_services'], mustHave: false },
        ],
      })),
    ),
    'must-have sector, on an opportunity': await measure(
      iterations,
      run((i) => ({ ...base(i), opportunityId: seeded.opportunityId, excludedAccountIds: seeded.competitorIds, criteria: [{ kind: 'sector', values: ['financial_services'], mustHave: true }] })),
    ),
    'case study (mostly ask-first)': await measure(iterations, run((i) => ({ ...base(i), activityTypeKey: 'case_study', neededBy: inDays(45) }))),
    'narrow, with relaxations': await measure(
      iterations,
      run(
        (i) => ({
          ...base(i),
          criteria: [
            { kind: 'country', values: ['FR'], mustHave: true },
            { kind: 'seniority', values: ['c_level'], mustHave: true },
            { kind: 'use_case', values: ['regulatory_reporting'], mustHave: true },
            { kind: 'product', values: ['governance_suite'], mustHave: true },
          ],
        }),
        3,
      ),
    ),
  };
}
