import { sql, type SQL } from 'drizzle-orm';
import { sectorOf } from '../../domain/matching/criteria-match.js';
import type { HardRule } from '../../domain/matching/hard-rules.js';
import type { Criterion } from '../../domain/requests/criteria.js';
import type { MatchRequest } from '../../domain/matching/types.js';
import { countryFacts } from '../../domain/taxonomy/geography.js';
import { COMPANY_SIZE_BANDS } from '../../domain/taxonomy/program-facets.js';
import { textArray } from '../search/advocate-search-sql.js';
import { OVERFLOW_BIT, type MatchDictionary } from './match-dictionary.js';
import { dayNumber } from '../../domain/requests/caps.js';
import type { MaskColumn } from './match-index/match-columns.js';
import * as rows from './match-index/row-tests.js';
import type { RowsTest } from './match-index/row-tests.js';
import { UuidSet } from './match-index/uuid-words.js';

/**
 * SQL over advocate_match (aliased `m`): one condition per hard rule the table can answer
 * (capacity is checked afterwards in TypeScript), and the cheap score that picks the few
 * hundred advocates whose explained score is then computed. Every condition is a necessary
 * condition of its domain rule (src/domain/matching/hard-rules.ts), exact unless a facet has
 * outgrown its mask, where it confirms on the advocate's own record.
 *
 * Each condition also comes as a test over rows of the in-memory copy (match-index/), the same
 * condition over the same values; null where only SQL can answer exactly (a facet past its mask,
 * a language), and matching then ranks in SQL.
 */
export interface Condition {
  sql: SQL;
  test: RowsTest | null;
}

export interface NamedCondition extends Condition {
  rule: HardRule;
  criterionIndex?: number;
  /** For a country or industry must-have: the gentler condition (its regions, its sectors). */
  widened?: { values: string[]; sql: SQL };
}

export const smallints = (values: readonly number[]) => sql`${`{${values.join(',')}}`}::smallint[]`;
export const uuidArray = (values: readonly string[]) => sql`${`{${values.join(',')}}`}::uuid[]`;
export const bigintLiteral = (mask: bigint) => sql`${mask.toString()}::bigint`;
export const known = <T>(values: (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

const MASK_COLUMNS = { topic: sql`m.topics`, product: sql`m.products`, use_case: sql`m.use_cases` } as const;
const MASK_NAMES: Record<keyof typeof MASK_COLUMNS, MaskColumn> = { topic: 'topics', product: 'products', use_case: 'use_cases' };
const never: Condition = { sql: sql`false`, test: rows.never };

/** The low and high 32-bit words of a mask with these bits. */
export function maskWords(bits: readonly number[]): [number, number] {
  let low = 0;
  let high = 0;
  for (const b of bits) {
    if (b < 32) low |= 1 << b;
    else high |= 1 << (b - 32);
  }
  return [low, high];
}
const KEY_COLUMNS = { topic: sql`a.topic_keys`, product: sql`a.product_keys`, use_case: sql`a.use_case_keys` } as const;

/** Holds at least one of these keys (topic, product or use case), through the mask. */
function maskedListCondition(facet: keyof typeof MASK_COLUMNS, keys: readonly string[], dict: MatchDictionary): Condition {
  const bits = known(keys.map((k) => dict.bit(facet, k)));
  if (bits.length === 0) return never;
  const exact = bits.filter((b) => b < OVERFLOW_BIT).reduce((mask, b) => mask | (1n << BigInt(b)), 0n);
  const parts: SQL[] = [];
  if (exact) parts.push(sql`(${MASK_COLUMNS[facet]} & ${bigintLiteral(exact)}) <> 0`);
  if (bits.includes(OVERFLOW_BIT)) {
    parts.push(sql`((${MASK_COLUMNS[facet]} & ${bigintLiteral(1n << BigInt(OVERFLOW_BIT))}) <> 0
      and exists (select 1 from advocates a where a.id = m.advocate_id and ${KEY_COLUMNS[facet]} && ${textArray(keys)}))`);
  }
  const [low, high] = maskWords(bits);
  const column = MASK_NAMES[facet];
  return {
    sql: sql`(${sql.join(parts, sql` or `)})`,
    test: bits.includes(OVERFLOW_BIT) ? null : rows.maskAny(column, [low, high]),
  };
}

function industryCodes(keys: readonly string[], dict: MatchDictionary): number[] {
  return known(keys.map((k) => dict.code('industry', k)));
}

/** One criterion: does the advocate meet it? (mirrors criterionMet) */
export function criterionCondition(criterion: Criterion, dict: MatchDictionary): Condition {
  const values = criterion.values;
  switch (criterion.kind) {
    case 'industry': {
      const codes = industryCodes(values, dict);
      if (codes.length === 0) return never;
      return { sql: sql`(m.industry = any(${smallints(codes)}) or m.sector = any(${smallints(codes)}))`, test: rows.anyOf([rows.smallIn('industry', codes), rows.smallIn('sector', codes)]) };
    }
    case 'sector': {
      const codes = industryCodes(values, dict);
      if (codes.length === 0) return never;
      return {
        sql: sql`(m.sector = any(${smallints(codes)}) or (m.sector = 0 and m.industry = any(${smallints(codes)})))`,
        test: rows.anyOf([rows.smallIn('sector', codes), rows.allOf([rows.smallIn('sector', [0]), rows.smallIn('industry', codes)])]),
      };
    }
    case 'country': {
      const codes = known(values.map((v) => dict.geography(v)?.country));
      return codes.length ? { sql: sql`m.country_code = any(${smallints(codes)})`, test: rows.smallIn('country_code', codes) } : never;
    }
    case 'region': {
      const found = known(values.map((v) => dict.regionCode(v)));
      const regions = found.filter((f) => f.level === 'region').map((f) => f.code);
      const subregions = found.filter((f) => f.level === 'subregion').map((f) => f.code);
      const parts = [
        ...(regions.length ? [sql`m.region_code = any(${smallints(regions)})`] : []),
        ...(subregions.length ? [sql`m.subregion_code = any(${smallints(subregions)})`] : []),
      ];
      if (parts.length === 0) return never;
      return { sql: sql`(${sql.join(parts, sql` or `)})`, test: rows.anyOf([rows.smallIn('region_code', regions), rows.smallIn('subregion_code', subregions)]) };
    }
    case 'language': {
      const bits = known(values.map((k) => dict.bit('language', k)));
      if (bits.length === 0) return never;
      const hint = bits.reduce((mask, b) => mask | (1n << BigInt(b)), 0n);
      // The mask is a hint (codes share bits): only the advocate's own list answers.
      return { sql: sql`((m.languages & ${bigintLiteral(hint)}) <> 0 and exists (select 1 from advocates a where a.id = m.advocate_id and a.language_keys && ${textArray(values)}))`, test: null };
    }
    case 'product':
    case 'use_case':
    case 'topic':
      return maskedListCondition(criterion.kind, values, dict);
    case 'seniority':
    case 'function': {
      const codes = known(values.map((k) => dict.code(criterion.kind, k)));
      if (codes.length === 0) return never;
      const column = criterion.kind === 'seniority' ? 'seniority' : 'function';
      return { sql: sql`${sql.raw(`m.${column}`)} = any(${smallints(codes)})`, test: rows.smallIn(column, codes) };
    }
    case 'orientation': {
      const codes: number[] = values.map((v) => (v === 'technical' ? 1 : v === 'business' ? 2 : 0)).filter((c) => c > 0);
      return codes.length ? { sql: sql`m.orientation = any(${smallints(codes)})`, test: rows.smallIn('orientation', codes) } : never;
    }
    case 'company_size': {
      const bands = COMPANY_SIZE_BANDS.filter((b) => values.includes(`employees_${b.min}`));
      if (bands.length === 0) return never;
      const parts = bands.map((b) => (b.max === null ? sql`m.employee_count >= ${b.min}` : sql`(m.employee_count >= ${b.min} and m.employee_count < ${b.max})`));
      return {
        sql: sql`coalesce(${sql.join(parts, sql` or `)}, false)`,
        test: rows.employeesIn(bands),
      };
    }
  }
}

/** A country must-have widened to the regions of its countries; an industry one to their sectors. */
function widen(criterion: Criterion, dict: MatchDictionary): NamedCondition['widened'] {
  if (criterion.kind === 'country') {
    const regions = [...new Set(criterion.values.flatMap((c) => countryFacts(c)?.region ?? []))];
    return regions.length ? { values: regions, sql: criterionCondition({ kind: 'region', values: regions, mustHave: true }, dict).sql } : undefined;
  }
  if (criterion.kind === 'industry') {
    const sectors = [...new Set(criterion.values.map((k) => sectorOf(dict.taxonomy, k) ?? k))].filter((s) => !criterion.values.includes(s));
    return sectors.length ? { values: sectors, sql: criterionCondition({ kind: 'sector', values: sectors, mustHave: true }, dict).sql } : undefined;
  }
  return undefined;
}

export interface ConditionInput {
  request: MatchRequest;
  dict: MatchDictionary;
  today: string;
  usedOnOpportunity: readonly string[];
}

/** One condition per hard rule advocate_match can answer, named for relaxations. */
export function hardRuleConditions({ request, dict, today, usedOnOpportunity }: ConditionInput): NamedCondition[] {
  const bit = dict.bit('activity_type', request.activityTypeKey);
  const exactlyNo = sql`coalesce((select a.willingness ->> ${request.activityTypeKey} from advocates a where a.id = m.advocate_id), '') <> 'no'`;
  const [low, high] = maskWords(bit === undefined ? [] : [bit]);
  const willing: Condition =
    bit !== undefined && bit < OVERFLOW_BIT
      ? { sql: sql`(m.unwilling & ${bigintLiteral(1n << BigInt(bit))}) = 0`, test: rows.maskAny('unwilling', [low, high], true) }
      : bit === OVERFLOW_BIT
        ? { sql: sql`((m.unwilling & ${bigintLiteral(1n << BigInt(OVERFLOW_BIT))}) = 0 or ${exactlyNo})`, test: null }
        : { sql: exactlyNo, test: null };
  const [first, last] = [dayNumber(today), dayNumber(request.neededBy)];
  const competitors = new UuidSet(request.excludedAccountIds);
  const used = new UuidSet(usedOnOpportunity);
  const conditions: NamedCondition[] = [
    { rule: 'willing', ...willing },
    {
      rule: 'available',
      sql: sql`(m.blackouts is null or not (m.blackouts && daterange(${today}::date, ${request.neededBy}::date, '[]')))`,
      // A deadline before today is an error in SQL: leave it to SQL to say so.
      test: last >= first ? rows.freeBetween(first, last) : null,
    },
    { rule: 'referenceable', sql: sql`m.referenceable`, test: rows.referenceable },
  ];
  if (request.excludedAccountIds.length) {
    conditions.push({ rule: 'not_competitor', sql: sql`m.account_id <> all(${uuidArray(request.excludedAccountIds)})`, test: rows.uuidNotIn('accounts', competitors) });
  }
  if (usedOnOpportunity.length) {
    conditions.push({ rule: 'not_used_on_opportunity', sql: sql`m.advocate_id <> all(${uuidArray(usedOnOpportunity)})`, test: rows.uuidNotIn('ids', used) });
  }
  request.criteria.forEach((criterion, criterionIndex) => {
    if (!criterion.mustHave || criterion.values.length === 0) return;
    conditions.push({ rule: 'must_have', criterionIndex, ...criterionCondition(criterion, dict), widened: widen(criterion, dict) });
  });
  return conditions;
}
