import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { initializePgliteDataDir } from './pglite-init.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The database handle every service receives: PGlite and PostgreSQL look the same. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: what data-access functions take. */
export type Executor = Db | Tx;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs SQL on a dedicated connection (advisory locks, migrations). */
  withConnection<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'pglite'; dataDir?: string; client?: PGlite } | { kind: 'postgres'; url: string; max?: number };

/**
 * The embedded server's settings beside PGlite's own: 32 MB of shared buffers instead of 128.
 * PGlite's WebAssembly memory never shrinks, so the buffers are a floor under the server's RSS
 * for its whole life (a 100k-advocate import peaked about 100 MB lower). Passed at start, not
 * written to postgresql.conf, which PGlite would overwrite whole.
 */
const SERVER_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return openPostgres(target.url, target.max ?? 10);
  let client = target.client;
  if (!client) {
    if (target.dataDir) {
      mkdirSync(target.dataDir, { recursive: true });
      await initializePgliteDataDir(target.dataDir);
    }
    client = await PGlite.create(target.dataDir ? { dataDir: target.dataDir, startParams: SERVER_START_PARAMS } : {});
  }
  return wrapPglite(client);
}

export function wrapPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    // PGlite is a single connection: every query already shares one session.
    withConnection: (fn) => fn(db),
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  // An idle client that errors (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    withConnection: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(drizzlePg(client, { schema }) as unknown as Db);
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
