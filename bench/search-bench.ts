import pino from 'pino';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/db/client.js';
import { generateProgram } from '../src/seed/generate-program.js';
import { insertProgram } from '../src/seed/insert-program.js';
import type { ServiceDeps } from '../src/services/context.js';
import { searchAdvocates } from '../src/services/search/search-advocates.js';
import { ensureDefaultTaxonomy } from '../src/services/taxonomy/seed-default-taxonomy.js';
import { measure, type Timing } from './stats.js';

/** Faceted search on a generated program of `advocates` advocates (about 2.5 per account). */
export async function benchSearch(database: Database, advocates: number, iterations: number): Promise<{ results: Record<string, Timing>; seedMs: number }> {
  await ensureDefaultTaxonomy(database.db);
  const started = performance.now();
  const program = generateProgram({ seed: 99, accounts: Math.round(advocates / 2.5), ownerUserIds: [], now: new Date() });
  await insertProgram(database.db, program);
  await database.db.execute((await import('drizzle-orm')).sql`analyze`);
  const seedMs = performance.now() - started;
  const deps: ServiceDeps = { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), now: () => new Date(), log: pino({ level: 'silent' }) };
  const names = program.advocates.map((a) => a.lastName);
  const run = (q: string | undefined, filters: Record<string, string[]>, sort: 'relevance' | 'name' = 'relevance') => () =>
    searchAdvocates(deps, { q, filters, sort, limit: 25 });
  const results: Record<string, Timing> = {
    'search: no filter (active), facets': await measure(iterations, run(undefined, {}, 'name')),
    'search: 3 facets, no text': await measure(iterations, run(undefined, { topic: ['security', 'migration'], seniority: ['vp', 'c_level'], region: ['Europe'] }, 'name')),
    'search: text + 2 facets': await measure(iterations, run('implementation', { industry: ['financial_services'], activityType: ['reference_call'] })),
    'search: name prefix': await measure(iterations, (i) => searchAdvocates(deps, { q: (names[i % names.length] ?? 'smith').slice(0, 4), filters: {}, sort: 'relevance', limit: 25 })),
  };
  return { results, seedMs };
}
