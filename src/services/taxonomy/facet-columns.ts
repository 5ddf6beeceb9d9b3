import { sql, type SQL } from 'drizzle-orm';
import type { Facet } from '../../domain/taxonomy/types.js';

/** The tables whose rows hold taxonomy keys, as counted in usage and merge results. */
export const KEY_TABLES = ['accounts', 'advocates'] as const;
export type KeyTable = (typeof KEY_TABLES)[number];

/**
 * How a column holds keys: one key (`text`), a list of keys (`text[]`), or the keys of a
 * jsonb object (advocate willingness: activity type key → yes / ask_first / no).
 */
export type KeyColumnKind = 'single' | 'array' | 'object_keys';

export interface KeyColumn {
  table: KeyTable;
  /** The SQL column name. */
  column: string;
  kind: KeyColumnKind;
}

/**
 * Every record column that stores a facet's keys: the one place usage counts and merges
 * read from. A new column holding taxonomy keys must be added here, or merges leave it behind.
 */
export const FACET_COLUMNS: Record<Facet, readonly KeyColumn[]> = {
  industry: [{ table: 'accounts', column: 'industry_key', kind: 'single' }],
  country: [
    { table: 'accounts', column: 'hq_country', kind: 'single' },
    { table: 'advocates', column: 'country', kind: 'single' },
  ],
  company_size: [],
  revenue_band: [],
  seniority: [{ table: 'advocates', column: 'seniority_key', kind: 'single' }],
  function: [{ table: 'advocates', column: 'function_key', kind: 'single' }],
  product: [
    { table: 'accounts', column: 'product_keys', kind: 'array' },
    { table: 'advocates', column: 'product_keys', kind: 'array' },
  ],
  use_case: [
    { table: 'accounts', column: 'use_case_keys', kind: 'array' },
    { table: 'advocates', column: 'use_case_keys', kind: 'array' },
  ],
  topic: [{ table: 'advocates', column: 'topic_keys', kind: 'array' }],
  activity_type: [{ table: 'advocates', column: 'willingness', kind: 'object_keys' }],
  language: [{ table: 'advocates', column: 'language_keys', kind: 'array' }],
};

export function columnsOf(facet: Facet, table: KeyTable): KeyColumn[] {
  return FACET_COLUMNS[facet].filter((c) => c.table === table);
}

/** `select id, key` for every key a column holds (one row per record and key). */
function keysOf(c: KeyColumn): SQL {
  const col = sql.identifier(c.column);
  const from = sql.identifier(c.table);
  if (c.kind === 'single') return sql`select id, ${col} as key from ${from} where ${col} is not null`;
  if (c.kind === 'array') return sql`select id, unnest(${col}) as key from ${from}`;
  return sql`select id, jsonb_object_keys(${col}) as key from ${from}`;
}

/**
 * One set-based query: for each key of the facet in use, how many accounts and advocates hold it
 * (a record counts once even when several of its columns or array slots hold the key).
 * Returns null when no column holds the facet's keys.
 */
export function usageQuery(facet: Facet): SQL | null {
  const columns = FACET_COLUMNS[facet];
  if (columns.length === 0) return null;
  const parts = columns.map((c) => sql`select ${c.table}::text as source, id, key from (${keysOf(c)}) k`);
  return sql`select key, count(*)::int as n from (${sql.join(parts, sql` union `)}) used group by key`;
}

/** True when the column holds `key`: the WHERE of a merge. Array tests use `@>` so GIN indexes apply. */
export function holdsKey(c: KeyColumn, key: string): SQL {
  const col = sql.identifier(c.column);
  if (c.kind === 'single') return sql`${col} = ${key}`;
  if (c.kind === 'array') return sql`${col} @> array[${key}::text]`;
  return sql`(${col} -> ${key}) is not null`;
}

/**
 * The column's new value once `from` becomes `to`. Arrays are de-duplicated keeping the order of
 * each key's first occurrence; in an object, `from`'s value moves to `to` unless `to` already has one.
 * Rows that do not hold `from` keep their value as it is.
 */
export function rewriteKey(c: KeyColumn, from: string, to: string): SQL {
  const col = sql.identifier(c.column);
  if (c.kind === 'single') return sql`case when ${col} = ${from} then ${to} else ${col} end`;
  if (c.kind === 'array') {
    return sql`case when ${holdsKey(c, from)} then
      array(select u.v from unnest(array_replace(${col}, ${from}::text, ${to}::text)) with ordinality as u(v, i) group by u.v order by min(u.i))
      else ${col} end`;
  }
  return sql`case when ${holdsKey(c, from)} then
    (${col} - ${from}::text) || jsonb_build_object(${to}::text, coalesce(${col} -> ${to}::text, ${col} -> ${from}::text))
    else ${col} end`;
}
