import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import pino from 'pino';
import { loadConfig } from '../src/config/config.js';
import { openDatabase, type Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { queryRows } from '../src/db/rows.js';
import { sessions } from '../src/db/schema/index.js';
import { hashPassword, sha256 } from '../src/services/auth/secrets.js';
import { resolveSession } from '../src/services/auth/sessions.js';
import { listAuditEvents } from '../src/services/audit/list-audit-events.js';
import type { ServiceDeps } from '../src/services/context.js';
import { listUsers } from '../src/services/users/list-users.js';
import { seedFoundation } from './seed.js';
import { benchSearch, seedSearchProgram } from './search-bench.js';
import { benchImport, printImportTimings } from './import-bench.js';
import { benchServerImport } from './server-import.js';
import { benchMatching, seedMatchingProgram } from './matching-bench.js';
import { measure, ms, type Timing } from './stats.js';

/**
 * Benchmarks of the request paths every page uses, on seeded data of several sizes, on PGlite
 * and PostgreSQL. Each size reports p50/p95 beside a full scan of the audit table measured in
 * the same run, so the ratios compare across machines.
 *   npm run bench                      # sizes S, M, L on PGlite and PostgreSQL (when reachable)
 *   BENCH_SIZES=S npm run bench        # a subset
 *   BENCH_DATABASE_URL=postgres://…    # the PostgreSQL server to use (default: local test db)
 *   BENCH_PARTS=search                 # only the advocate search (10k advocates at S, 100k at M, 1M at L on PostgreSQL)
 *   BENCH_PARTS=import                 # CSV import: 10k rows at S, 100k at M (accounts, advocates, re-import), also through a started server
 *   BENCH_PARTS=matching               # matching: 10k / 100k / 1M advocates with ~10 activities each (1M on PostgreSQL only)
 */
const SIZES = {
  S: { users: 1_000, auditEvents: 10_000 },
  M: { users: 10_000, auditEvents: 100_000 },
  L: { users: 100_000, auditEvents: 1_000_000 },
} as const;
type SizeName = keyof typeof SIZES;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function withPostgresDatabase<T>(fn: (url: string) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL not reachable at ${PG_URL}: skipping the PostgreSQL pass.`);
    return null;
  }
  const name = `vouch_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function benchOne(database: Database, size: SizeName): Promise<Record<string, Timing>> {
  await runMigrations(database);
  const passwordHash = await hashPassword('bench password not used');
  const seedStart = performance.now();
  await seedFoundation(database.db, SIZES[size], passwordHash);
  const seedMs = performance.now() - seedStart;
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const deps: ServiceDeps = { db: database.db, config, now: () => new Date(), log: pino({ level: 'silent' }) };

  const users = await queryRows<{ id: string }>(database.db, sql`select id from users where status = 'active' order by created_at limit 200`);
  const tokens = users.map(() => randomBytes(32).toString('base64url'));
  const now = new Date();
  await database.db.insert(sessions).values(
    users.map((u, i) => ({ tokenHash: sha256(tokens[i] ?? ''), csrfToken: 'x', userId: u.id, expiresAt: new Date(now.getTime() + 86_400_000) })),
  );
  const actor = users[0]?.id ?? '';
  const deepCursor = (await listAuditEvents(deps, { limit: 500 })).nextCursor ?? undefined;

  const results: Record<string, Timing> = {
    'full scan: count(*) audit_events': await measure(Math.min(ITERATIONS, 50), () => database.db.execute(sql`select count(*) from audit_events`)),
    'session lookup (every request)': await measure(ITERATIONS, (i) => resolveSession(deps, tokens[i % tokens.length] ?? '')),
    'users: first page, newest': await measure(ITERATIONS, () => listUsers(deps, { limit: 50 })),
    'users: search "tanaka" + role': await measure(ITERATIONS, () => listUsers(deps, { q: 'tanaka', role: 'owner', limit: 50 })),
    'users: search, no match (worst case)': await measure(ITERATIONS, () => listUsers(deps, { q: 'zzqx', limit: 50 })),
    'audit: first page': await measure(ITERATIONS, () => listAuditEvents(deps, { limit: 50 })),
    'audit: action + actor filter': await measure(ITERATIONS, () => listAuditEvents(deps, { action: 'auth.sign_in', actorId: actor, limit: 50 })),
    'audit: page after 500 rows': await measure(ITERATIONS, () => listAuditEvents(deps, { cursor: deepCursor, limit: 50 })),
  };
  console.log(`  seeded ${SIZES[size].users} users, ${SIZES[size].auditEvents} audit events in ${(seedMs / 1000).toFixed(1)} s`);
  return results;
}

function print(label: string, size: SizeName, results: Record<string, Timing>) {
  const scan = results['full scan: count(*) audit_events']?.p95 ?? 1;
  console.log(`\n${label} · size ${size} (${SIZES[size].users} users, ${SIZES[size].auditEvents} audit events)`);
  console.log(`  ${'operation'.padEnd(36)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  p95 / scan p95`);
  for (const [name, t] of Object.entries(results)) console.log(`  ${name.padEnd(36)} ${ms(t.p50)} ${ms(t.p95)}  ${(t.p95 / scan).toFixed(3)}`);
}

/** Advocates per size; 1M runs on PostgreSQL only (PGlite would need hours and several GB). */
const SEARCH_SIZES: Record<SizeName, number> = { S: 10_000, M: 100_000, L: 1_000_000 };

async function searchPass(label: string, open: () => Promise<Database>, size: SizeName) {
  const advocates = SEARCH_SIZES[size];
  const database = await open();
  try {
    await runMigrations(database);
    const { seedMs, lastNames } = await seedSearchProgram(database, advocates);
    const results = await benchSearch(database, lastNames, Math.min(ITERATIONS, 100));
    const scan = await measure(20, () => database.db.execute(sql`select count(*) from advocates`));
    console.log(`\n${label} · advocate search on ${advocates} advocates (seeded in ${(seedMs / 1000).toFixed(1)} s)`);
    console.log(`  ${'operation'.padEnd(36)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  p95 / scan p95`);
    for (const [name, t] of Object.entries({ 'full scan: count(*) advocates': scan, ...results })) {
      console.log(`  ${name.padEnd(36)} ${ms(t.p50)} ${ms(t.p95)}  ${(t.p95 / scan.p95).toFixed(2)}`);
    }
  } finally {
    await database.close();
  }
}

/** Matching on the search sizes, each advocate with about 10 activities (1M activities at 100k). */
async function matchingPass(label: string, open: () => Promise<Database>, size: SizeName) {
  const advocates = SEARCH_SIZES[size];
  const database = await open();
  try {
    await runMigrations(database);
    const seeded = await seedMatchingProgram(database, advocates);
    const scan = await measure(30, () => database.db.execute(sql`select count(*) from advocates`));
    const results = await benchMatching(database, seeded, Math.min(ITERATIONS, 100));
    const scanAfter = await measure(30, () => database.db.execute(sql`select count(*) from advocates`));
    const scanP95 = Math.max(scan.p95, scanAfter.p95);
    // count(*) is answered from the smallest index once the table is vacuumed; a column count reads every row.
    const heapScan = await measure(20, () => database.db.execute(sql`select count(first_name) from advocates`));
    console.log(`\n${label} · matching on ${advocates} advocates, ${seeded.activities} activities (seeded in ${(seeded.seedMs / 1000).toFixed(1)} s)`);
    console.log(`  ${'operation'.padEnd(40)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}  p95 / scan p95`);
    const rows = { 'full scan: count(*) advocates': { p50: scan.p50, p95: scanP95 }, 'heap scan: count(first_name) advocates': heapScan, ...results };
    for (const [name, t] of Object.entries(rows)) {
      console.log(`  ${name.padEnd(40)} ${ms(t.p50)} ${ms(t.p95)}  ${(t.p95 / scanP95).toFixed(2)}`);
    }
  } finally {
    await database.close();
  }
}

const IMPORT_SIZES: Record<SizeName, number> = { S: 10_000, M: 100_000, L: 0 };

/** CSV import on an on-disk PGlite in this process, through a real server's API, and on PostgreSQL. */
async function importPass(size: SizeName) {
  const rows = IMPORT_SIZES[size];
  if (!rows) return;
  const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-import-'));
  try {
    const lite = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const baseline = process.memoryUsage().rss / 1024 / 1024;
      printImportTimings(`PGlite · CSV import, ${rows} rows`, baseline, await benchImport(lite, rows));
    } finally {
      await lite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await benchServerImport(rows);
  await withPostgresDatabase(async (url) => {
    const database = await openDatabase({ kind: 'postgres', url, max: 4 });
    try {
      const baseline = process.memoryUsage().rss / 1024 / 1024;
      printImportTimings(`PostgreSQL · CSV import, ${rows} rows`, baseline, await benchImport(database, rows));
    } finally {
      await database.close();
    }
  });
}

/** An on-disk PGlite opened as the server opens it (its start settings included), removed afterwards. */
async function withPgliteDataDir<T>(fn: (open: () => Promise<Database>) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'vouch-bench-'));
  try {
    return await fn(() => openDatabase({ kind: 'pglite', dataDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sizes = (process.env.BENCH_SIZES ?? 'S,M,L').split(',').map((s) => s.trim()) as SizeName[];
const parts = (process.env.BENCH_PARTS ?? 'foundation,search').split(',');
for (const size of sizes) {
  if (!(size in SIZES)) throw new Error(`unknown size ${size}; use S, M or L`);
  if (parts.includes('import')) await importPass(size);
  if (parts.includes('matching')) {
    if (size !== 'L') await withPgliteDataDir((open) => matchingPass('PGlite', open, size));
    await withPostgresDatabase((url) => matchingPass('PostgreSQL', () => openDatabase({ kind: 'postgres', url, max: 4 }), size));
  }
  if (parts.includes('search')) {
    if (size !== 'L') await withPgliteDataDir((open) => searchPass('PGlite', open, size));
    await withPostgresDatabase((url) => searchPass('PostgreSQL', () => openDatabase({ kind: 'postgres', url, max: 4 }), size));
  }
  if (!parts.includes('foundation')) continue;
  await withPgliteDataDir(async (open) => {
    const lite = await open();
    try {
      print('PGlite', size, await benchOne(lite, size));
    } finally {
      await lite.close();
    }
  });
  await withPostgresDatabase(async (url) => {
    const database = await openDatabase({ kind: 'postgres', url, max: 4 });
    try {
      print('PostgreSQL', size, await benchOne(database, size));
    } finally {
      await database.close();
    }
  });
}
