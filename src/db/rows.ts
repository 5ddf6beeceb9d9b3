import type { SQL } from 'drizzle-orm';
import type { Executor } from './client.js';

/**
 * Runs raw SQL and returns its rows. PGlite and node-postgres both answer with `{ rows }`;
 * Drizzle's shared type cannot say so, hence the one narrow cast here.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
