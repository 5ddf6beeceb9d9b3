import { sql, type SQL } from 'drizzle-orm';
import { sectorOf } from '../../domain/matching/criteria-match.js';
import type { HardRule } from '../../domain/matching/hard-rules.js';
import type { Criterion } from '../../domain/requests/criteria.js';
import type { MatchRequest } from '../../domain/matching/types.js';
import { countryFacts } from '../../domain/taxonomy/geography.js';
import { COMPANY_SIZE_BANDS } from '../../domain/taxonomy/program-facets.js';
import { textArray } from '../search/advocate-search-sql.js';
import { OVERFLOW_BIT, type MatchDictionary } from './match-dictionary.js';

/**
 * SQL over advocate_match (aliased `m`): one condition per hard rule the table can answer
 * (capacity is checked afterwards in TypeScript), and the cheap score that picks the few
 * hundred advocates whose explained score is then computed. Every condition is a necessary
 * condition of its domain rule (src/domain/matching/hard-rules.ts), exact unless a facet has
 * outgrown its mask, where it confirms on the advocate's own record.
 */
export interface NamedCondition {
  rule: HardRule;
  criterionIndex?: number;
  sql: SQL;
  /** For a country or industry must-have: the gentler condition (its regions, its sectors). */
  widened?: { values: string[]; sql: SQL };
}

export const smallints = (values: readonly number[]) => sql`${`{${values.join(',')}}`}::smallint[]`;
export const uuidArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;
export const bigintLiteral = (mask: bigint) => sql`${mask.toString()}::bigint`;
export const known = <T>(values: (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

const MASK_COLUMNS = { topic: sql`m.topics`, product: sql`m.products`, use_case: sql`m.use_cases` } as const;
const KEY_COLUMNS = { topic: sql`a.topic_keys`, product: sql`a.product_keys`, use_case: sql`a.use_case_keys` } as const;

/** Holds at least one of these keys (topic, product or use case), through the mask. */
function maskedListCondition(facet: keyof typeof MASK_COLUMNS, keys: readonly string[], dict: MatchDictionary): SQL {
  const bits = known(keys.map((k) => dict.bit(facet, k)));
  if (bits.length === 0) return sql`false`;
  const exact = bits.filter((b) => b < OVERFLOW_BIT).reduce((mask, b) => mask | (1n << BigInt(b)), 0n);
  const parts: SQL[] = [];
  if (exact) parts.push(sql`(${MASK_COLUMNS[facet]} & ${bigintLiteral(exact)}) <> 0`);
  if (bits.includes(OVERFLOW_BIT)) {
    parts.push(sql`((${MASK_COLUMNS[facet]} & ${bigintLiteral(1n << BigInt(OVERFLOW_BIT))}) <> 0
      and exists (select 1 from advocates a where a.id = m.advocate_id and ${KEY_COLUMNS[facet]} && ${textArray(keys)}))`);
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

function industryCodes(keys: readonly string[], dict: MatchDictionary): number[] {
  return known(keys.map((k) => dict.code('industry', k)));
}

/** The SQL of one criterion: does the advocate meet it? (mirrors criterionMet) */
export function criterionCondition(criterion: Criterion, dict: MatchDictionary): SQL {
  const values = criterion.values;
  switch (criterion.kind) {
    case 'industry': {
      const codes = industryCodes(values, dict);
      return codes.length ? sql`(m.industry = any(${smallints(codes)}) or m.sector = any(${smallints(codes)}))` : sql`false`;
    }
    case 'sector': {
      const codes = industryCodes(values, dict);
      return codes.length ? sql`(m.sector = any(${smallints(codes)}) or (m.sector = 0 and m.industry = any(${smallints(codes)})))` : sql`false`;
    }
    case 'country': {
      const codes = known(values.map((c) => dict.geography(c)?.country));
      return codes.length ? sql`m.country_code = any(${smallints(codes)})` : sql`false`;
    }
    case 'region': {
      const found = known(values.map((v) => dict.regionCode(v)));
      const parts = [
        ...(found.some((f) => f.level === 'region') ? [sql`m.region_code = any(${smallints(found.filter((f) => f.level === 'region').map((f) => f.code))})`] : []),
        ...(found.some((f) => f.level === 'subregion') ? [sql`m.subregion_code = any(${smallints(found.filter((f) => f.level === 'subregion').map((f) => f.code))})`] : []),
      ];
      return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
    }
    case 'language': {
      const bits = known(values.map((k) => dict.bit('language', k)));
      if (bits.length === 0) return sql`false`;
      const hint = bits.reduce((mask, b) => mask | (1n << BigInt(b)), 0n);
      return sql`((m.languages & ${bigintLiteral(hint)}) <> 0 and exists (select 1 from advocates a where a.id = m.advocate_id and a.language_keys && ${textArray(values)}))`;
    }
    case 'product':
    case 'use_case':
    case 'topic':
      return maskedListCondition(criterion.kind, values, dict);
    case 'seniority':
    case 'function': {
      const codes = known(values.map((k) => dict.code(criterion.kind, k)));
      const column = criterion.kind === 'seniority' ? sql`m.seniority` : sql`m.function`;
      return codes.length ? sql`${column} = any(${smallints(codes)})` : sql`false`;
    }
    case 'orientation': {
      const codes = values.map((v) => (v === 'technical' ? 1 : v === 'business' ? 2 : 0)).filter((c) => c > 0);
      return codes.length ? sql`m.orientation = any(${smallints(codes)})` : sql`false`;
    }
    case 'company_size': {
      const bands = COMPANY_SIZE_BANDS.filter((b) => values.includes(`employees_${b.min}`));
      if (bands.length === 0) return sql`false`;
      const parts = bands.map((b) => (b.max === null ? sql`m.employee_count >= ${b.min}` : sql`(m.employee_count >= ${b.min} and m.employee_count < ${b.max})`));
      return sql`coalesce(${sql.join(parts, sql` or `)}, false)`;
    }
  }
}

/** A country must-have widened to the regions of its countries; an industry one to their sectors. */
function widen(criterion: Criterion, dict: MatchDictionary): NamedCondition['widened'] {
  if (criterion.kind === 'country') {
    const regions = [...new Set(criterion.values.flatMap((c) => countryFacts(c)?.region ?? []))];
    return regions.length ? { values: regions, sql: criterionCondition({ kind: 'region', values: regions, mustHave: true }, dict) } : undefined;
  }
  if (criterion.kind === 'industry') {
    const sectors = [...new Set(criterion.values.map((k) => sectorOf(dict.taxonomy, k) ?? k))].filter((s) => !criterion.values.includes(s));
    return sectors.length ? { values: sectors, sql: criterionCondition({ kind: 'sector', values: sectors, mustHave: true }, dict) } : undefined;
  }
  return undefined;
}

export interface ConditionInput {
  request: MatchRequest;
  dict: MatchDictionary;
  today: string;
  usedOnOpportunity: readonly string[];
}

/** One SQL condition per hard rule advocate_match can answer, named for relaxations. */
export function hardRuleConditions({ request, dict, today, usedOnOpportunity }: ConditionInput): NamedCondition[] {
  const bit = dict.bit('activity_type', request.activityTypeKey);
  const exactlyNo = sql`coalesce((select a.willingness ->> ${request.activityTypeKey} from advocates a where a.id = m.advocate_id), '') <> 'no'`;
  const willing =
    bit !== undefined && bit < OVERFLOW_BIT
      ? sql`(m.unwilling & ${bigintLiteral(1n << BigInt(bit))}) = 0`
      : bit === OVERFLOW_BIT
        ? sql`((m.unwilling & ${bigintLiteral(1n << BigInt(OVERFLOW_BIT))}) = 0 or ${exactlyNo})`
        : exactlyNo;
  const conditions: NamedCondition[] = [
    { rule: 'willing', sql: willing },
    { rule: 'available', sql: sql`(m.blackouts is null or not (m.blackouts && daterange(${today}::date, ${request.neededBy}::date, '[]')))` },
    { rule: 'referenceable', sql: sql`m.referenceable` },
  ];
  if (request.excludedAccountIds.length) conditions.push({ rule: 'not_competitor', sql: sql`m.account_id <> all(${uuidArray(request.excludedAccountIds)})` });
  if (usedOnOpportunity.length) conditions.push({ rule: 'not_used_on_opportunity', sql: sql`m.advocate_id <> all(${uuidArray(usedOnOpportunity)})` });
  request.criteria.forEach((criterion, criterionIndex) => {
    if (!criterion.mustHave || criterion.values.length === 0) return;
    conditions.push({ rule: 'must_have', criterionIndex, sql: criterionCondition(criterion, dict), widened: widen(criterion, dict) });
  });
  return conditions;
}
