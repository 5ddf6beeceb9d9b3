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
}

interface Row {
  facet: string;
  key: string;
  label: string;
  code: number;
  parent_key: string | null;
  rank: string | null;
  weight: string | null;
  bit: number | null;
}

function plural(label: string): string {
  const lower = label.toLowerCase();
  if (/[^aeiou]y$/.test(lower)) return `${lower.slice(0, -1)}ies`;
  return lower.endsWith('s') ? lower : `${lower}s`;
}

/**
 * One query for the taxonomy values matching reads: industries (with their sectors), seniority
 * ranks, functions, the masked facets with their bit, and only the languages asked about.
 */
export async function loadMatchDictionary(db: Executor, activityTypeKey: string, languageKeys: readonly string[]): Promise<MatchDictionary> {
  const rows = await queryRows<Row>(
    db,
    sql`select facet, key, label, code, parent_key, attributes ->> 'rank' as rank, attributes ->> 'weight' as weight,
          case when facet = 'language' then code % 62
               when facet in ('topic', 'product', 'use_case', 'activity_type') then least(${OVERFLOW_BIT}, row_number() over (partition by facet order by code) - 1)
          end::int as bit
        from taxonomy_values
        where facet in ('industry', 'seniority', 'function', 'topic', 'product', 'use_case', 'activity_type', 'company_size')
           or (facet = 'language' and key = any(${textArray(languageKeys)}))`,
  );
  const codes = new Map<string, number>();
  const bits = new Map<string, number>();
  const taxonomy: MatchTaxonomy = { industryParents: {}, seniorityRanks: {}, labels: {} };
  let activityWeight: number | null = null;
  let activityLabel = activityTypeKey.replace(/_/g, ' ');
  for (const row of rows) {
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
  };
}
