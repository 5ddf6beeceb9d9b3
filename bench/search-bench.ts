import { sql } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/db/client.js';
import { generateProgramChunks } from '../src/seed/generate-program.js';
import { insertProgram } from '../src/seed/insert-program.js';
import type { ServiceDeps } from '../src/services/context.js';
import { searchAdvocates, type SearchAdvocatesQuery } from '../src/services/search/search-advocates.js';
import { ensureDefaultTaxonomy } from '../src/services/taxonomy/seed-default-taxonomy.js';
import { measure, type Timing } from './stats.js';

/** The benchmark's headline case: a filtered full-text search with facet counts. */
export const TARGET_CASE = 'text + 2 facets (target)';

/**
 * Seeds a generated program of about `advocates` advocates (2.5 per account), streaming it in
 * chunks so the 1M size never sits in memory, and returns the seeding time.
 */
export async function seedSearchProgram(database: Database, advocates: number): Promise<{ seedMs: number; lastNames: string[] }> {
  await ensureDefaultTaxonomy(database.db);
  const started = performance.now();
  const lastNames: string[] = [];
  for (const chunk of generateProgramChunks({ seed: 99, accounts: Math.round(advocates / 2.5), ownerUserIds: [], now: new Date() }, 2_000)) {
    await insertProgram(database.db, chunk);
    if (lastNames.length < 1_000) lastNames.push(...chunk.advocates.slice(0, 50).map((a) => a.lastName));
  }
  await database.db.execute(sql`vacuum analyze`);
  return { seedMs: performance.now() - started, lastNames };
}

/** Faceted search cases, from the default page to a broad full-text query. */
export async function benchSearch(database: Database, lastNames: string[], iterations: number): Promise<Record<string, Timing>> {
  const deps: ServiceDeps = { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), now: () => new Date(), log: pino({ level: 'silent' }) };
  const run = (query: Partial<SearchAdvocatesQuery>) => () => searchAdvocates(deps, { filters: {}, sort: 'relevance', limit: 25, ...query });
  return {
    'default page (active, by name)': await measure(iterations, run({ sort: 'name' })),
    '3 facets, no text': await measure(iterations, run({ filters: { topic: ['security', 'migration'], seniority: ['vp', 'c_level'], region: ['Europe'] }, sort: 'name' })),
    [TARGET_CASE]: await measure(iterations, run({ q: 'implementation', filters: { industry: ['financial_services'], activityType: ['reference_call'] } })),
    'text + 2 facets, by freshness': await measure(iterations, run({ q: 'security', filters: { seniority: ['vp', 'director'], region: ['Europe'] }, sort: 'freshness' })),
    'two-word text + 1 facet': await measure(iterations, run({ q: 'cloud migration', filters: { companySize: ['employees_10000', 'employees_50000'] } })),
    'name prefix': await measure(iterations, (i) => searchAdvocates(deps, { q: (lastNames[i % lastNames.length] ?? 'smith').slice(0, 4), filters: {}, sort: 'relevance', limit: 25 })),
    'broad text, no facet (worst case)': await measure(iterations, run({ q: 'analytics' })),
  };
}
