import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { textArray } from './advocate-search-sql.js';

/** LIKE needs its own metacharacters escaped (stems are letters and digits, but be safe). */
const likePrefix = (stem: string) => `${stem.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The stems of what a person typed, as the English configuration makes them ("implementation"
 * → "implement"); stop words drop out. Each stem must prefix one of an advocate's lexemes.
 */
export async function stemTerms(db: Executor, terms: readonly string[]): Promise<string[]> {
  if (!terms.length) return [];
  const rows = await queryRows<{ lexeme: string }>(db, sql`select distinct l.lexeme from unnest(to_tsvector('english', array_to_string(${textArray(terms)}, ' '))) l`);
  return rows.map((r) => r.lexeme).sort();
}

/**
 * The text condition over advocate_facet_codes (aliased `f`): for every stem, the advocate has
 * a term starting with it. Each prefix expands to term ids with one range scan of search_terms,
 * and the GIN index on term_ids finds the rows.
 */
export function termCondition(stems: readonly string[]): SQL {
  return sql.join(
    stems.map((stem) => sql`f.term_ids && array(select t.id from search_terms t where t.term like ${likePrefix(stem)})`),
    sql` and `,
  );
}
