import { sql, type SQL } from 'drizzle-orm';
import { FACTOR_CRITERIA } from '../../domain/matching/factors.js';
import { sectorOf } from '../../domain/matching/criteria-match.js';
import { GEO_SIMILARITY, INDUSTRY_SIMILARITY, PERSONA_PARTS, SCALE_ZERO_AT_DECADES, senioritySimilarity } from '../../domain/matching/similarity.js';
import type { MatchRequest } from '../../domain/matching/types.js';
import type { MatchingFactor } from '../../domain/requests/program-policy.js';
import type { CriterionKind } from '../../domain/requests/criteria.js';
import type { MatchDictionary } from './match-dictionary.js';
import { criterionCondition } from './match-sql.js';

/**
 * The cheap score: the request-dependent factors (CHEAP_FACTORS below) as integer points in SQL, with
 * the same similarities and shares as the explained score, over tenths of a point. It only
 * chooses which advocates get the explained score; freshness, load and track record are left
 * to that (the least recently used still come first among equals).
 */
const points = (share: number, similarity = 1) => Math.round(share * 10 * similarity);
const unique = (values: readonly string[]) => [...new Set(values)];

function criteriaConditions(request: MatchRequest, kinds: readonly CriterionKind[], dict: MatchDictionary): SQL[] {
  return request.criteria.filter((c) => kinds.includes(c.kind) && c.values.length > 0).map((c) => criterionCondition(c, dict));
}
const anyOf = (parts: SQL[]) => sql`(${sql.join(parts, sql` or `)})`;

function industryTerm(request: MatchRequest, dict: MatchDictionary, share: number): SQL | null {
  const full = criteriaConditions(request, FACTOR_CRITERIA.industry, dict);
  const theirs = request.prospect.industryKey;
  const code = theirs ? dict.code('industry', theirs) : undefined;
  if (code !== undefined) full.push(sql`m.industry = ${code}`);
  const sector = theirs ? sectorOf(dict.taxonomy, theirs) : null;
  const sectorCode = sector ? dict.code('industry', sector) : undefined;
  if (full.length === 0 && sectorCode === undefined) return null;
  const half = sectorCode !== undefined ? sql` when m.sector = ${sectorCode} or m.industry = ${sectorCode} then ${points(share, INDUSTRY_SIMILARITY.sameSector)}` : sql``;
  return sql`case when ${full.length ? anyOf(full) : sql`false`} then ${points(share)}${half} else 0 end`;
}

function geographyTerm(request: MatchRequest, dict: MatchDictionary, share: number): SQL | null {
  const full = criteriaConditions(request, FACTOR_CRITERIA.geography, dict);
  const geo = request.prospect.country ? dict.geography(request.prospect.country) : undefined;
  if (geo) full.push(sql`m.country_code = ${geo.country}`);
  if (full.length === 0) return null;
  const near: SQL[] = [];
  if (geo?.subregion) near.push(sql` when m.subregion_code = ${geo.subregion} then ${points(share, GEO_SIMILARITY.same_subregion)}`);
  if (geo?.region) near.push(sql` when m.region_code = ${geo.region} then ${points(share, GEO_SIMILARITY.same_region)}`);
  return sql`case when ${anyOf(full)} then ${points(share)}${sql.join(near, sql``)} else 0 end`;
}

/** One bit test per wanted key, each worth an equal part of the factor. */
function listTerms(items: { column: SQL; bit: number | undefined }[], share: number): SQL[] {
  if (items.length === 0) return [];
  const each = points(share, 1 / items.length);
  return items.flatMap(({ column, bit }) => (bit === undefined ? [] : [sql`((${column} >> ${bit}) & 1) * ${each}`]));
}

function productTerms(request: MatchRequest, dict: MatchDictionary, share: number): SQL[] {
  const products = unique([...(request.prospect.productKeys ?? []), ...request.criteria.filter((c) => c.kind === 'product').flatMap((c) => c.values)]);
  const useCases = unique(request.criteria.filter((c) => c.kind === 'use_case').flatMap((c) => c.values));
  return listTerms(
    [...products.map((k) => ({ column: sql`m.products`, bit: dict.bit('product', k) })), ...useCases.map((k) => ({ column: sql`m.use_cases`, bit: dict.bit('use_case', k) }))],
    share,
  );
}

function topicTerms(request: MatchRequest, dict: MatchDictionary, share: number): SQL[] {
  const topics = unique([...request.topicKeys, ...request.criteria.filter((c) => c.kind === 'topic').flatMap((c) => c.values)]);
  return listTerms(topics.map((k) => ({ column: sql`m.topics`, bit: dict.bit('topic', k) })), share);
}

function personaTerms(request: MatchRequest, dict: MatchDictionary, share: number): SQL[] {
  const p = request.prospect;
  const seniority = criteriaConditions(request, ['seniority'], dict);
  const functions = criteriaConditions(request, ['function'], dict);
  const orientation = criteriaConditions(request, ['orientation'], dict);
  const parts: { weight: number; build: (pts: number) => SQL }[] = [];
  const rank = p.contactSeniorityKey ? dict.taxonomy.seniorityRanks[p.contactSeniorityKey] : undefined;
  if (seniority.length || p.contactSeniorityKey) {
    parts.push({
      weight: PERSONA_PARTS.seniority,
      build: (pts) => {
        const branches: SQL[] = seniority.length ? [sql` when ${anyOf(seniority)} then ${pts}`] : [];
        if (rank !== undefined) {
          for (const diff of [0, 1, -1, 2, -2]) branches.push(sql` when m.seniority_rank = ${rank + diff} then ${Math.round(pts * senioritySimilarity(diff))}`);
        } else if (p.contactSeniorityKey && dict.code('seniority', p.contactSeniorityKey) !== undefined) {
          branches.push(sql` when m.seniority = ${dict.code('seniority', p.contactSeniorityKey)} then ${pts}`);
        }
        return branches.length ? sql`case${sql.join(branches, sql``)} else 0 end` : sql`0`;
      },
    });
  }
  const fnCode = p.contactFunctionKey ? dict.code('function', p.contactFunctionKey) : undefined;
  if (functions.length || p.contactFunctionKey) {
    const conds = fnCode !== undefined ? [...functions, sql`m.function = ${fnCode}`] : functions;
    parts.push({ weight: PERSONA_PARTS.function, build: (pts) => (conds.length ? sql`case when ${anyOf(conds)} then ${pts} else 0 end` : sql`0`) });
  }
  if (orientation.length) parts.push({ weight: PERSONA_PARTS.orientation, build: (pts) => sql`case when ${anyOf(orientation)} then ${pts} else 0 end` });
  const total = parts.reduce((s, x) => s + x.weight, 0);
  return parts.map((x) => x.build(points(share, x.weight / total)));
}

function scaleTerm(request: MatchRequest, dict: MatchDictionary, share: number): SQL | null {
  const full = criteriaConditions(request, FACTOR_CRITERIA.scale, dict);
  const employees = request.prospect.employeeCount;
  const max = points(share);
  // advocate_match.size_bucket is round(2·ln(employees)): 2·ln(10) buckets per order of magnitude.
  const bucketsToZero = 2 * Math.log(10) * SCALE_ZERO_AT_DECADES;
  const near = employees && employees > 0 ? sql`greatest(0, ${max} - abs(m.size_bucket - ${Math.round(2 * Math.log(employees))}) * ${Math.max(1, Math.round(max / bucketsToZero))})` : null;
  if (full.length && near) return sql`case when ${anyOf(full)} then ${max} else ${near} end`;
  if (full.length) return sql`case when ${anyOf(full)} then ${max} else 0 end`;
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
export function cheapScore(request: MatchRequest, dict: MatchDictionary, shares: Record<MatchingFactor, number>, factors: readonly MatchingFactor[] = CHEAP_FACTORS): SQL {
  const terms: SQL[] = [];
  const add = (term: SQL | null) => term && terms.push(term);
  const counts = (f: MatchingFactor) => shares[f] > 0 && factors.includes(f);
  if (counts('industry')) add(industryTerm(request, dict, shares.industry));
  if (counts('geography')) add(geographyTerm(request, dict, shares.geography));
  if (counts('products')) terms.push(...productTerms(request, dict, shares.products));
  if (counts('topics')) terms.push(...topicTerms(request, dict, shares.topics));
  if (counts('persona')) terms.push(...personaTerms(request, dict, shares.persona));
  if (counts('scale')) add(scaleTerm(request, dict, shares.scale));
  return terms.length ? sql.join(terms, sql` + `) : sql`0::int`;
}
