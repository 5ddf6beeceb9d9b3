import { sql, type SQL } from 'drizzle-orm';
import { FACTOR_CRITERIA } from '../../domain/matching/factors.js';
import { sectorOf } from '../../domain/matching/criteria-match.js';
import { GEO_SIMILARITY, INDUSTRY_SIMILARITY, PERSONA_PARTS, SCALE_ZERO_AT_DECADES, senioritySimilarity } from '../../domain/matching/similarity.js';
import type { MatchRequest } from '../../domain/matching/types.js';
import type { MatchingFactor } from '../../domain/requests/program-policy.js';
import type { CriterionKind } from '../../domain/requests/criteria.js';
import type { MatchDictionary } from './match-dictionary.js';
import type { MaskColumn, SmallColumn } from './match-index/match-columns.js';
import * as rows from './match-index/row-tests.js';
import * as sums from './match-index/row-points.js';
import type { RowsPoints } from './match-index/row-points.js';
import type { RowsTest } from './match-index/row-tests.js';
import { criterionCondition, maskWords, type Condition } from './match-sql.js';

/**
 * The cheap score: the request-dependent factors (CHEAP_FACTORS below) as integer points, with
 * the same similarities and shares as the explained score, over tenths of a point. It only
 * chooses which advocates get the explained score; freshness, load and track record are left
 * to that (the least recently used still come first among equals). Like the hard-rule
 * conditions, every term is both SQL over advocate_match and the same sum over a row of the
 * in-memory copy (null when a condition inside it only SQL can answer).
 */
export interface Term {
  sql: SQL;
  points: RowsPoints | null;
}

const points = (share: number, similarity = 1) => Math.round(share * 10 * similarity);
const unique = (values: readonly string[]) => [...new Set(values)];
const nothing: Term = { sql: sql`0`, points: sums.zeroPoints };

function criteriaConditions(request: MatchRequest, kinds: readonly CriterionKind[], dict: MatchDictionary): Condition[] {
  return request.criteria.filter((c) => kinds.includes(c.kind) && c.values.length > 0).map((c) => criterionCondition(c, dict));
}

function anyOf(parts: Condition[]): Condition {
  const tests = parts.map((p) => p.test);
  return {
    sql: sql`(${sql.join(parts.map((p) => p.sql), sql` or `)})`,
    test: tests.every((t): t is RowsTest => t !== null) ? rows.anyOf(tests) : null,
  };
}

/** A small-integer column equal to a value. */
function equals(column: SmallColumn, value: number): Condition {
  return { sql: sql`${sql.raw(`m.${column}`)} = ${value}`, test: rows.smallIn(column, [value]) };
}

/** `case when … then n … else (otherwise, or 0) end`: the first branch that holds. */
function caseOf(branches: { when: Condition; then: number }[], otherwise?: Term): Term {
  const tests = branches.map((b) => b.when.test);
  const known = tests.every((t): t is RowsTest => t !== null) && (otherwise === undefined || otherwise.points !== null);
  return {
    sql: sql`case${sql.join(branches.map((b) => sql` when ${b.when.sql} then ${sql.raw(String(b.then))}`), sql``)} else ${otherwise?.sql ?? sql`0`} end`,
    points: known ? sums.casePoints(branches.map((b, k) => ({ when: tests[k]!, then: b.then })), otherwise?.points ?? undefined) : null,
  };
}

function industryTerm(request: MatchRequest, dict: MatchDictionary, share: number): Term | null {
  const full = criteriaConditions(request, FACTOR_CRITERIA.industry, dict);
  const theirs = request.prospect.industryKey;
  const code = theirs ? dict.code('industry', theirs) : undefined;
  if (code !== undefined) full.push(equals('industry', code));
  const sector = theirs ? sectorOf(dict.taxonomy, theirs) : null;
  const sectorCode = sector ? dict.code('industry', sector) : undefined;
  if (full.length === 0 && sectorCode === undefined) return null;
  const branches = [{ when: full.length ? anyOf(full) : { sql: sql`false`, test: rows.never }, then: points(share) }];
  if (sectorCode !== undefined) branches.push({ when: anyOf([equals('sector', sectorCode), equals('industry', sectorCode)]), then: points(share, INDUSTRY_SIMILARITY.sameSector) });
  return caseOf(branches);
}

function geographyTerm(request: MatchRequest, dict: MatchDictionary, share: number): Term | null {
  const full = criteriaConditions(request, FACTOR_CRITERIA.geography, dict);
  const geo = request.prospect.country ? dict.geography(request.prospect.country) : undefined;
  if (geo) full.push(equals('country_code', geo.country));
  if (full.length === 0) return null;
  const branches = [{ when: anyOf(full), then: points(share) }];
  if (geo?.subregion) branches.push({ when: equals('subregion_code', geo.subregion), then: points(share, GEO_SIMILARITY.same_subregion) });
  if (geo?.region) branches.push({ when: equals('region_code', geo.region), then: points(share, GEO_SIMILARITY.same_region) });
  return caseOf(branches);
}

/** One bit test per wanted key, each worth an equal part of the factor; in memory, one pass per mask column. */
function listTerms(items: { column: MaskColumn; bit: number | undefined }[], share: number): Term[] {
  if (items.length === 0) return [];
  const each = points(share, 1 / items.length);
  const byColumn = new Map<MaskColumn, number[]>();
  for (const { column, bit } of items) if (bit !== undefined) byColumn.set(column, [...(byColumn.get(column) ?? []), bit]);
  return [...byColumn].map(([column, bits]) => ({
    sql: sql.join(bits.map((bit) => sql`((${sql.raw(`m.${column}`)} >> ${bit}) & 1) * ${each}`), sql` + `),
    // A bit several keys share (the overflow bit) counts once per key, as in SQL.
    points: new Set(bits).size === bits.length ? sums.maskPoints(column, maskWords(bits), each) : sums.sumPoints(bits.map((bit) => sums.bitPoints(column, bit, each))),
  }));
}

function productTerms(request: MatchRequest, dict: MatchDictionary, share: number): Term[] {
  const products = unique([...(request.prospect.productKeys ?? []), ...request.criteria.filter((c) => c.kind === 'product').flatMap((c) => c.values)]);
  const useCases = unique(request.criteria.filter((c) => c.kind === 'use_case').flatMap((c) => c.values));
  return listTerms(
    [...products.map((k) => ({ column: 'products' as const, bit: dict.bit('product', k) })), ...useCases.map((k) => ({ column: 'use_cases' as const, bit: dict.bit('use_case', k) }))],
    share,
  );
}

function topicTerms(request: MatchRequest, dict: MatchDictionary, share: number): Term[] {
  const topics = unique([...request.topicKeys, ...request.criteria.filter((c) => c.kind === 'topic').flatMap((c) => c.values)]);
  return listTerms(topics.map((k) => ({ column: 'topics' as const, bit: dict.bit('topic', k) })), share);
}

function personaTerms(request: MatchRequest, dict: MatchDictionary, share: number): Term[] {
  const p = request.prospect;
  const seniority = criteriaConditions(request, ['seniority'], dict);
  const functions = criteriaConditions(request, ['function'], dict);
  const orientation = criteriaConditions(request, ['orientation'], dict);
  const parts: { weight: number; build: (pts: number) => Term }[] = [];
  const rank = p.contactSeniorityKey ? dict.taxonomy.seniorityRanks[p.contactSeniorityKey] : undefined;
  if (seniority.length || p.contactSeniorityKey) {
    parts.push({
      weight: PERSONA_PARTS.seniority,
      build: (pts) => {
        const branches = seniority.length ? [{ when: anyOf(seniority), then: pts }] : [];
        const code = p.contactSeniorityKey ? dict.code('seniority', p.contactSeniorityKey) : undefined;
        if (rank !== undefined) {
          for (const diff of [0, 1, -1, 2, -2]) branches.push({ when: equals('seniority_rank', rank + diff), then: Math.round(pts * senioritySimilarity(diff)) });
        } else if (code !== undefined) {
          branches.push({ when: equals('seniority', code), then: pts });
        }
        return branches.length ? caseOf(branches) : nothing;
      },
    });
  }
  const fnCode = p.contactFunctionKey ? dict.code('function', p.contactFunctionKey) : undefined;
  if (functions.length || p.contactFunctionKey) {
    const conds = fnCode !== undefined ? [...functions, equals('function', fnCode)] : functions;
    parts.push({ weight: PERSONA_PARTS.function, build: (pts) => (conds.length ? caseOf([{ when: anyOf(conds), then: pts }]) : nothing) });
  }
  if (orientation.length) parts.push({ weight: PERSONA_PARTS.orientation, build: (pts) => caseOf([{ when: anyOf(orientation), then: pts }]) });
  const total = parts.reduce((s, x) => s + x.weight, 0);
  return parts.map((x) => x.build(points(share, x.weight / total)));
}

function scaleTerm(request: MatchRequest, dict: MatchDictionary, share: number): Term | null {
  const full = criteriaConditions(request, FACTOR_CRITERIA.scale, dict);
  const employees = request.prospect.employeeCount;
  const max = points(share);
  // advocate_match.size_bucket is round(2·ln(employees)): 2·ln(10) buckets per order of magnitude.
  const bucketsToZero = 2 * Math.log(10) * SCALE_ZERO_AT_DECADES;
  const bucket = employees && employees > 0 ? Math.round(2 * Math.log(employees)) : null;
  const step = Math.max(1, Math.round(max / bucketsToZero));
  const near: Term | null =
    bucket === null
      ? null
      : { sql: sql`greatest(0, ${max} - abs(m.size_bucket - ${bucket}) * ${step})`, points: sums.nearSizePoints(bucket, max, step) };
  if (full.length) return caseOf([{ when: anyOf(full), then: max }], near ?? undefined);
  return near;
}

/**
 * The factors the cheap score counts. Every term costs each advocate of the pool a few steps of
 * PostgreSQL's expression evaluator, so only the heaviest request-dependent factors are here;
 * seniority, function and scale are left to the explained score (measured at 100k advocates:
 * the two cost about a fifth of the scan).
 */
export const CHEAP_FACTORS: readonly MatchingFactor[] = ['industry', 'geography', 'products', 'topics'];

/** The cheap score of advocate_match rows (`m`), in tenths of a point; `0` when nothing is asked. */
export function cheapScore(request: MatchRequest, dict: MatchDictionary, shares: Record<MatchingFactor, number>, factors: readonly MatchingFactor[] = CHEAP_FACTORS): Term {
  const terms: Term[] = [];
  const add = (term: Term | null) => term && terms.push(term);
  const counts = (f: MatchingFactor) => shares[f] > 0 && factors.includes(f);
  if (counts('industry')) add(industryTerm(request, dict, shares.industry));
  if (counts('geography')) add(geographyTerm(request, dict, shares.geography));
  if (counts('products')) terms.push(...productTerms(request, dict, shares.products));
  if (counts('topics')) terms.push(...topicTerms(request, dict, shares.topics));
  if (counts('persona')) terms.push(...personaTerms(request, dict, shares.persona));
  if (counts('scale')) add(scaleTerm(request, dict, shares.scale));
  if (terms.length === 0) return { sql: sql`0::int`, points: sums.zeroPoints };
  const parts = terms.map((t) => t.points);
  return {
    sql: sql.join(terms.map((t) => t.sql), sql` + `),
    points: parts.every((p): p is RowsPoints => p !== null) ? sums.sumPoints(parts) : null,
  };
}
