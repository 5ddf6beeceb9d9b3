import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { MatchTaxonomy } from '../../domain/matching/types.js';
import { textArray } from '../search/advocate-search-sql.js';

/** Facets whose advocate_match masks hold one bit per value (its rank by code; 62 = the rest). */
export const RANKED_MASK_FACETS = ['topic', 'product', 'use_case', 'activity_type'] as const;
/** The bit later values share once a facet has more than 62 values: a hint, confirmed exactly. */
export const OVERFLOW_BIT = 62;

/** The taxonomy as matching needs it: the domain's plain facts plus codes and mask bits for SQL. */
export interface MatchDictionary {
  taxonomy: MatchTaxonomy;
  code(facet: string, key: string): number | undefined;
  /** The mask bit of a key (topic, product, use case, activity type: rank; language: code % 62). */
  bit(facet: string, key: string): number | undefined;
  /** The activity type's default weight (taxonomy attribute), if any. */
  activityWeight: number | null;
  /** The activity type in words, plural and lower case: "reference calls". */
  activityNoun: string;
  /** advocate_match's geography codes: a country's own, its sub-region's and region's (0 when unknown). */
  geography(country: string): { country: number; subregion: number; region: number } | undefined;
  /** The code of a region or sub-region by name (case-insensitive), as advocate_match stores it. */
  regionCode(name: string): { level: 'region' | 'subregion'; code: number } | undefined;
}

export interface DictionaryRow {
  facet: string;
  key: string;
  label: string;
  code: number;
  parent_key: string | null;
  rank: string | null;
  weight: string | null;
  bit: number | null;
  region: string | null;
  subregion: string | null;
}

function plural(label: string): string {
  const lower = label.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return lower.endsWith('s') ? lower : `${lower}s`;
}

/** The taxonomy values matching reads, with their codes and mask bits; every language when `languageKeys` is null. */
export async function readDictionaryRows(db: Executor, languageKeys: readonly string[] | null): Promise<DictionaryRow[]> {
  return queryRows<DictionaryRow>(
    db,
    sql`select facet, key, label, code, parent_key, attributes ->> 'rank' as rank, attributes ->> 'weight' as weight,
          attributes ->> 'region' as region, attributes ->> 'subregion' as subregion,
          case when facet = 'language' then code % 62
               when facet in ('topic', 'product', 'use_case', 'activity_type') then least(${OVERFLOW_BIT}, row_number() over (partition by facet order by code) - 1)
          end::int as bit
        from taxonomy_values
        where facet in ('industry', 'seniority', 'function', 'topic', 'product', 'use_case', 'activity_type', 'company_size', 'country')
           or (facet = 'language' and ${languageKeys === null ? sql`true` : sql`key = any(${textArray(languageKeys)})`})`,
  );
}

/**
 * One query for the taxonomy values matching reads: industries (with their sectors), seniority
 * ranks, functions, countries (for advocate_match's geography codes, like vouch_match_geography
 * in migration 0014), the masked facets with their bit, and only the languages asked about.
 */
export async function loadMatchDictionary(db: Executor, activityTypeKey: string, languageKeys: readonly string[]): Promise<MatchDictionary> {
  return buildMatchDictionary(await readDictionaryRows(db, languageKeys), activityTypeKey, languageKeys);
}

/** The dictionary from its rows (languages other than those asked about are left out). */
export function buildMatchDictionary(all: readonly DictionaryRow[], activityTypeKey: string, languageKeys: readonly string[]): MatchDictionary {
  const rows = all.filter((r) => r.facet !== 'language' || languageKeys.includes(r.key));
  const codes = new Map<string, number>();
  const bits = new Map<string, number>();
  const taxonomy: MatchTaxonomy = { industryParents: {}, seniorityRanks: {}, labels: {} };
  let activityWeight: number | null = null;
  let activityLabel = activityTypeKey.replace(/_/g, ' ');
  const countries = rows.filter((r) => r.facet === 'country');
  const smallest = (name: (r: DictionaryRow) => string | null) => {
    const codes = new Map<string, number>();
    for (const r of countries) {
      const n = name(r);
      if (n !== null) codes.set(n, Math.min(codes.get(n) ?? r.code, r.code));
    }
    return codes;
  };
  const subregions = smallest((r) => r.subregion);
  const regions = smallest((r) => r.region);
  const regionsByLowerName = new Map<string, { level: 'region' | 'subregion'; code: number }>();
  for (const [name, code] of subregions) regionsByLowerName.set(name.toLowerCase(), { level: 'subregion', code });
  for (const [name, code] of regions) regionsByLowerName.set(name.toLowerCase(), { level: 'region', code });
  const geography = new Map(
    countries.map((r) => [r.key, { country: r.code, subregion: r.subregion === null ? 0 : (subregions.get(r.subregion) ?? 0), region: r.region === null ? 0 : (regions.get(r.region) ?? 0) }]),
  );
  for (const row of rows) {
    if (row.facet === 'country') continue;
    const id = `${row.facet} ${row.key}`;
    codes.set(id, row.code);
    if (row.bit !== null) bits.set(id, row.bit);
    taxonomy.labels[id] = row.label;
    if (row.facet === 'industry') taxonomy.industryParents[row.key] = row.parent_key;
    if (row.facet === 'seniority' && row.rank !== null && Number.isFinite(Number(row.rank))) taxonomy.seniorityRanks[row.key] = Number(row.rank);
    if (row.facet === 'activity_type' && row.key === activityTypeKey) {
      activityLabel = row.label;
      activityWeight = row.weight === null || !Number.isFinite(Number(row.weight)) ? null : Number(row.weight);
    }
  }
  return {
    taxonomy,
    code: (facet, key) => codes.get(`${facet} ${key}`),
    bit: (facet, key) => bits.get(`${facet} ${key}`),
    activityWeight,
    activityNoun: plural(activityLabel),
    geography: (country) => geography.get(country.toUpperCase()),
    regionCode: (name) => regionsByLowerName.get(name.toLowerCase()),
  };
}
