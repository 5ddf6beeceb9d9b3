import { sql } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../src/config/config.js';
import type { Database } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { queryRows } from '../src/db/rows.js';
import type { ImportKind } from '../src/db/schema/index.js';
import type { Actor, ServiceDeps } from '../src/services/context.js';
import { claimImportJob, runImportJob } from '../src/services/imports/run-import-job.js';
import { startImportRun } from '../src/services/imports/start-import-run.js';
import { uploadImport } from '../src/services/imports/upload-import.js';
import { ensureDefaultTaxonomy } from '../src/services/taxonomy/seed-default-taxonomy.js';

const COUNTRIES = ['United States', 'GB', 'Germany', 'FRA', 'Japan', 'Brazil', 'India', 'Canada', 'Spain', 'Australia'];
const INDUSTRIES = ['Technology', 'Banking', 'Healthcare', 'Retail', 'Insurance', 'Manufacturing', 'Software', 'Telecommunications'];
const FIRST = ['Ana', 'Ben', 'Chloé', 'Dev', 'Eun', 'Femi', 'Greta', 'Hiro', 'Ines', 'Jonas'];
const LAST = ['Okafor', 'Schmidt', 'Tanaka', 'Silva', 'Nguyen', 'Larsen', 'Kowalski', 'Haddad', 'Moreau', 'Reyes'];

/** A Salesforce-shaped account export of n rows. */
export function accountsCsv(n: number): string {
  const lines = ['"Account ID","Account Name","Billing Country","Industry","Annual Revenue","Employees","Description"'];
  for (let i = 0; i < n; i++) {
    lines.push(`"001B${String(i).padStart(10, '0')}","Bench Company ${i}","${COUNTRIES[i % 10]}","${INDUSTRIES[i % 8]}","${(i % 500) * 1_000_000}","${10 + (i % 5000)}","Customer since ${2010 + (i % 15)}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A Salesforce-shaped contact export of n rows over `accounts` accounts. */
export function contactsCsv(n: number, accounts: number): string {
  const lines = ['"Contact ID","First Name","Last Name","Title","Email","Phone","Mailing Country","Account Name","Account ID"'];
  for (let i = 0; i < n; i++) {
    const a = i % accounts;
    lines.push(`"003B${String(i).padStart(10, '0')}","${FIRST[i % 10]}","${LAST[(i >> 3) % 10]} ${i}","VP Operations","person${i}@bench${a}.example","+1 555 ${String(i % 10_000).padStart(4, '0')}","${COUNTRIES[i % 10]}","Bench Company ${a}","001B${String(a).padStart(10, '0')}"`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export interface ImportTiming {
  label: string;
  /** Upload (parse and store the file) plus the run. */
  seconds: number;
  /** Of which the upload. */
  uploadSeconds: number;
  peakRssMb: number;
  counts: string;
}

/** Upload + run of one file through the services, timed, with RSS sampled every 50 ms. */
async function timeImport(deps: ServiceDeps, actor: Actor, kind: ImportKind, csv: string, label: string): Promise<ImportTiming> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const { job } = await uploadImport(deps, actor, { kind, fileName: `${label}.csv`, csv });
    const uploadSeconds = (performance.now() - started) / 1000;
    await startImportRun(deps, actor, job.id, false);
    const claimed = await claimImportJob(deps.db, job.id, deps.now(), 60_000);
    if (!claimed) throw new Error('could not claim the bench job');
    const outcome = await runImportJob(deps, claimed);
    if (outcome !== 'completed') throw new Error(`bench import ${outcome}`);
    const seconds = (performance.now() - started) / 1000;
    const [done] = await queryRows<{ c: number; u: number; n: number; r: number }>(
      deps.db,
      sql`select created_count c, updated_count u, unchanged_count n, rejected_count r from import_jobs where id = ${job.id}`,
    );
    peak = Math.max(peak, process.memoryUsage().rss);
    return { label, seconds, uploadSeconds, peakRssMb: peak / 1024 / 1024, counts: `created ${done?.c}, updated ${done?.u}, unchanged ${done?.n}, rejected ${done?.r}` };
  } finally {
    clearInterval(sampler);
  }
}

/** Accounts then advocates (n rows each, advocates spread over n/2.5 accounts), then the advocates again (all unchanged). */
export async function benchImport(database: Database, rows: number): Promise<ImportTiming[]> {
  await runMigrations(database);
  await ensureDefaultTaxonomy(database.db);
  const [user] = await queryRows<{ id: string }>(
    database.db,
    sql`insert into users (email, name, roles, team, password_hash) values ('bench-admin@bench.example', 'Bench Admin', ARRAY['admin'], 'sales', 'x') returning id`,
  );
  const actor: Actor = { userId: user!.id, email: 'bench-admin@bench.example', name: 'Bench Admin', roles: ['admin'], team: 'sales', ip: null };
  const deps: ServiceDeps = { db: database.db, config: loadConfig({ LOG_LEVEL: 'silent' }), now: () => new Date(), log: pino({ level: 'silent' }) };
  const accountCount = Math.round(rows / 2.5);
  const contacts = contactsCsv(rows, accountCount);
  return [
    await timeImport(deps, actor, 'accounts', accountsCsv(accountCount), `${accountCount} accounts`),
    await timeImport(deps, actor, 'advocates', contacts, `${rows} advocates`),
    await timeImport(deps, actor, 'advocates', contacts, `${rows} advocates again`),
  ];
}

/** Prints one line per import with wall time, the upload's share and peak RSS over the baseline. */
export function printImportTimings(title: string, baselineRssMb: number, timings: ImportTiming[]): void {
  console.log(`\n${title} (process RSS before: ${baselineRssMb.toFixed(0)} MB)`);
  console.log(`  ${'import'.padEnd(28)} ${'total s'.padStart(8)} ${'upload s'.padStart(9)} ${'run s'.padStart(7)} ${'peak RSS MB'.padStart(12)}  outcome`);
  for (const t of timings) {
    const run = t.seconds - t.uploadSeconds;
    console.log(`  ${t.label.padEnd(28)} ${t.seconds.toFixed(2).padStart(8)} ${t.uploadSeconds.toFixed(2).padStart(9)} ${run.toFixed(2).padStart(7)} ${t.peakRssMb.toFixed(0).padStart(12)}  ${t.counts}`);
  }
}
