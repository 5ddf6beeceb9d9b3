import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Creates the cluster in a fresh data dir, then exits: the memory initdb needed goes with the process. */
const INIT_SCRIPT = `
const { PGlite } = await import(process.argv[1]);
const db = await PGlite.create({ dataDir: process.argv[2] });
await db.close();
`;

/**
 * Initialises a new PGlite data directory in a short-lived child process. PGlite's WebAssembly
 * memory only grows, and initdb needs about 800 MB of it: done in the server's own process,
 * that memory would stay with the server for its whole life (measured: 804 MB after initdb in
 * process vs about 290 MB when the server opens an initialised directory). Does nothing when
 * the directory already holds a cluster.
 */
export async function initializePgliteDataDir(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  await run(process.execPath, ['--input-type=module', '-e', INIT_SCRIPT, pglite, dataDir], { maxBuffer: 16 * 1024 * 1024 });
}
