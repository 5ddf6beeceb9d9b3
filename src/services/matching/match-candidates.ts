import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { countryLanguages } from '../../domain/matching/geography.js';
import { evaluateHardRules, type HardRuleContext, type RuleCheck } from '../../domain/matching/hard-rules.js';
import { describeRelaxations, type Relaxation } from '../../domain/matching/relaxations.js';
import { factorShares } from '../../domain/matching/score.js';
import type { CandidateFacts, MatchRequest, Willingness } from '../../domain/matching/types.js';
import type { ProspectProfile, RequestCriteria } from '../../domain/requests/criteria.js';
import { activityWeightFor, type MatchingFactor } from '../../domain/requests/program-policy.js';
import { cheapScore } from './cheap-score.js';
import { loadMatchSettings } from './match-settings.js';
import { countPool, loadCandidateDetails, loadUsedOnOpportunity, POOL_COUNT_CAP, rankPool, type CandidateDisplay } from './match-facts.js';
import { countRelaxations } from './match-relaxations.js';
import { rankCandidates, type ScoreInputs } from './rank-candidates.js';
import type { MatchIndex } from './match-index/match-index.js';
import { compilePool, rankScoredPool, scorePool } from './match-index/rank-in-memory.js';
import { hardRuleConditions, uuidArray, type Condition } from './match-sql.js';
import { always, uuidNotIn } from './match-index/row-tests.js';
import { UuidSet } from './match-index/uuid-words.js';

export type { Relaxation };

export interface MatchInput {
  activityTypeKey: string;
  neededBy: string;
  prospect: ProspectProfile;
  criteria: RequestCriteria;
  topicKeys: string[];
  opportunityId: string | null;
  /** Customer accounts that compete with the prospect. */
  excludedAccountIds: string[];
  /** Advocates never to propose (already candidates on this request). */
  excludeAdvocateIds: string[];
  limit: number;
}

export interface CandidateMatch {
  advocateId: string;
  accountId: string;
  score: number;
  factors: { factor: MatchingFactor; label: string; contribution: number; maximum: number; detail: string }[];
  /** Every hard rule with why it passed. */
  rules: { rule: string; label: string; detail: string }[];
  lastUsedOn: string | null;
  /** yes, or ask_first (noted: the advocate wants to be asked before each use of this kind). */
  willingness: Exclude<Willingness, 'no'>;
  name: string;
  firstName: string;
  lastName: string;
  title: string | null;
  accountName: string;
  accountOwnerUserId: string | null;
  industryKey: string | null;
  employeeCount: number | null;
  seniorityKey: string | null;
  functionKey: string | null;
  orientation: string | null;
  country: string | null;
  timeZone: string | null;
  languageKeys: string[];
  topicKeys: string[];
  productKeys: string[];
  useCaseKeys: string[];
  lastVerifiedAt: string | null;
  capacity: { advocateUsed: number; advocateCap: number; accountUsed: number; accountCap: number };
}

export interface MatchResult {
  candidates: CandidateMatch[];
  /** Advocates passing every hard rule. */
  passingCount: number;
  /**
   * False when the pool was too large to check every advocate's capacity: passingCount is then an
   * estimate, the advocates passing every other rule (counted up to 5,000) less the capacity
   * failures found among those checked.
   */
  passingCountExact: boolean;
  /** When passingCount < needed: what to relax, and how many more candidates each yields. */
  relaxations: Relaxation[];
}

/** Candidates given the explained score per round, and the most examined before stopping. */
const BATCH = 80;
const MAX_EXAMINED = 1_500;
/** Advocates ranked by one scan of advocate_match (six rounds). */
const RANK_AHEAD = 480;

export interface Examined {
  facts: CandidateFacts;
  display: CandidateDisplay;
  checks: RuleCheck[];
  passed: boolean;
  willingness: Willingness;
  advocateUsed: number;
  advocateCap: number;
  accountUsed: number;
  accountCap: number;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Matching (DESIGN §4). SQL over advocate_match applies every hard rule but capacity and ranks
 * by a cheap score; the best few hundred get their capacity checked and the explained score in
 * TypeScript (src/domain/matching/), best first, equals least recently used first. When fewer
 * than `needed` pass, counts what relaxing each rule or must-have alone would yield.
 */
export interface MatchOptions {
  now?: Date;
  needed?: number;
  staleAfterMonths?: number;
  /** Candidates given the explained score per round (tests and benchmarks compare with everyone). */
  batch?: number;
  /** Advocates ranked per scan (tests force several scans). */
  rankAhead?: number;
  /**
   * The in-memory copy of advocate_match to rank from (matchIndexFor(db)); without one, or when a
   * condition only SQL can answer, the pool is counted and ranked in SQL.
   */
  index?: MatchIndex | null;
}

/**
 * SQL scans of advocate_match run without parallel workers: launching them cost 50–400 ms per
 * query on a 2-core server at 1M advocates, against 1.5 ms for the serial pool count and 150 ms
 * for the serial ranking scan (measured; see the matching benchmark). `set local` needs a
 * transaction, so a match that ranks from the in-memory copy, which scans nothing, runs without one.
 */
function serial<T>(db: Executor, scan: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return scan(tx);
  });
}

export async function matchCandidates(db: Executor, input: MatchInput, options: MatchOptions = {}): Promise<MatchResult> {
  if (!options.index) return serial(db, (tx) => matchOn(tx, input, options, true));
  return matchOn(db, input, options, false);
}

async function matchOn(db: Executor, input: MatchInput, options: MatchOptions, inSerial: boolean): Promise<MatchResult> {
  const today = isoDay(options.now ?? new Date());
  const needed = Math.max(1, options.needed ?? 1);
  const request: MatchRequest = {
    activityTypeKey: input.activityTypeKey,
    neededBy: input.neededBy,
    prospect: input.prospect,
    criteria: input.criteria,
    topicKeys: input.topicKeys,
    opportunityId: input.opportunityId,
    excludedAccountIds: input.excludedAccountIds,
  };
  const languages = [...countryLanguages(input.prospect.country), ...input.criteria.filter((c) => c.kind === 'language').flatMap((c) => c.values)];
  // One query at a time (in a transaction, one connection).
  const copy = options.index ? await options.index.current(db) : null;
  const { policy, dict } = await loadMatchSettings(db, { activityTypeKey: input.activityTypeKey, languageKeys: languages }, copy, options.index ?? null);
  const used = await loadUsedOnOpportunity(db, input.opportunityId);
  const context: HardRuleContext = {
    today,
    caps: policy.caps,
    weight: activityWeightFor(policy, input.activityTypeKey, dict.activityWeight),
    activityNoun: dict.activityNoun,
    taxonomy: dict.taxonomy,
  };
  const conditions = hardRuleConditions({ request, dict, today, usedOnOpportunity: used });
  const scope: Condition = input.excludeAdvocateIds.length
    ? { sql: sql`m.advocate_id <> all(${uuidArray(input.excludeAdvocateIds)})`, test: uuidNotIn('ids', new UuidSet(input.excludeAdvocateIds)) }
    : { sql: sql`true`, test: always };
  const where = sql.join([scope.sql, ...conditions.map((c) => c.sql)], sql` and `);
  const shares = factorShares(request, policy.matchingWeights);
  const cheap = cheapScore(request, dict, shares);
  const score = cheap.sql;
  const pool = compilePool([scope, ...conditions], cheap);
  const inMemory = copy && pool ? scorePool(copy.columns, pool) : null;
  // Some condition only SQL can answer (or no copy here): rank in SQL, serially.
  if (!inMemory && !inSerial) return serial(db, (tx) => matchOn(tx, input, { ...options, index: null }, true));
  const usedSet = new Set(used);
  const span = Math.max(policy.caps.windowDays, policy.caps.restDays);
  const limit = Math.max(1, input.limit);

  const examined: Examined[] = [];
  const poolSize = inMemory ? Math.min(inMemory.size, POOL_COUNT_CAP) : await countPool(db, where);
  let exhausted = false;
  const batchSize = options.batch ?? BATCH;
  // Whole rounds per scan, so no round straddles two scans.
  const rankWindow = Math.ceil(Math.max(options.rankAhead ?? RANK_AHEAD, batchSize) / batchSize) * batchSize;
  let ranked: string[] = [];
  let rankedFrom = 0;
  for (let offset = 0; offset < Math.max(MAX_EXAMINED, batchSize); offset += batchSize) {
    if (offset >= rankedFrom + ranked.length) {
      // One scan ranks several rounds ahead: a later round only reads its advocates' details.
      ranked = inMemory ? rankScoredPool(inMemory, offset, rankWindow) : await rankPool(db, { where, score, offset, limit: rankWindow });
      rankedFrom = offset;
    }
    const ids = ranked.slice(offset - rankedFrom, offset - rankedFrom + batchSize);
    const loaded = await loadCandidateDetails(db, { ids, on: input.neededBy, span, usedOnOpportunity: usedSet });
    for (const { facts, display } of loaded) {
      const result = evaluateHardRules(facts, request, context);
      const advocateCap = facts.personalCap ?? policy.caps.advocateUnits;
      const accountCap = facts.account.usageCap ?? policy.caps.accountUnits;
      examined.push({ facts, display, checks: result.checks, passed: result.passed, willingness: result.willingness, advocateUsed: result.capacity.advocateUsed, advocateCap, accountUsed: result.capacity.accountUsed, accountCap });
    }
    if (ids.length < batchSize) {
      exhausted = true;
      break;
    }
    if (examined.filter((e) => e.passed).length >= Math.max(limit, needed)) break;
  }

  const passing = examined.filter((e) => e.passed);
  const passingCount = exhausted ? passing.length : Math.max(passing.length, poolSize - (examined.length - passing.length));
  const scoreContext: ScoreInputs = { today, weights: policy.matchingWeights, shares, staleAfterMonths: options.staleAfterMonths ?? 12, windowDays: policy.caps.windowDays, dict: dict.taxonomy };
  const candidates = rankCandidates(passing, request, scoreContext, limit);
  let relaxations: Relaxation[] = [];
  if (passingCount < needed) {
    const count = (tx: Executor) => countRelaxations(tx, { request, conditions, scope: scope.sql, examined, context });
    const { counts, restrictionReasons } = inSerial ? await count(db) : await serial(db, count);
    relaxations = describeRelaxations(counts, { taxonomy: dict.taxonomy, activityNoun: dict.activityNoun, neededBy: input.neededBy, restDays: policy.caps.restDays, restrictionReasons, passingCount });
  }
  return { candidates, passingCount, passingCountExact: exhausted, relaxations };
}
