import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerBuild } from '../scripts/ensure-server.js';
import { HttpSession, startServerProcess } from '../test/helpers/server-process.js';
import { accountsCsv, contactsCsv } from './import-bench.js';

/**
 * The import as users meet it: `vouch serve` started as `npm start` starts it (the server bundle
 * with npm start's node flags, on-disk PGlite, demo seeded), the files uploaded and run through the HTTP API. The server's peak RSS
 * is read from the kernel (VmHWM), so it counts everything the process holds, not a sample.
 */
const PASSWORD = 'Bench-server-password-2026!';

function memoryMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): string {
  const file = `/proc/${pid}/status`;
  const found = pid && existsSync(file) ? readFileSync(file, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`)) : null;
  return found ? (Number(found[1]) / 1024).toFixed(0).padStart(6) : '   n/a';
}

export async function benchServerImport(rows: number): Promise<void> {
  await ensureServerBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'vouch-bench-server-'));
  const server = await startServerProcess({ VOUCH_DATA_DIR: dataDir, VOUCH_ADMIN_EMAIL: 'admin@bench.test', VOUCH_ADMIN_PASSWORD: PASSWORD });
  const pid = server.process.pid;
  try {
    const session = new HttpSession(server.url);
    const signIn = await session.signIn('admin@bench.test', PASSWORD);
    if (!signIn.ok) throw new Error(`sign-in: ${signIn.status}`);
    console.log(`\nServer (as npm start runs it) · CSV import through the API, ${rows} rows (server RSS after start: ${memoryMb(pid, 'VmRSS').trim()} MB)`);
    console.log(`  ${'import'.padEnd(28)} ${'total s'.padStart(8)} ${'RSS MB'.padStart(7)} ${'peak MB'.padStart(8)}  outcome`);
    const runFile = async (kind: string, csv: string, label: string) => {
      const started = performance.now();
      const upload = await session.fetch(`/api/imports?kind=${kind}&fileName=${kind}.csv`, { method: 'POST', body: csv, contentType: 'text/csv' });
      if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
      const { job } = (await upload.json()) as { job: { id: string } };
      const run = await session.fetch(`/api/imports/${job.id}/runs`, { method: 'POST', body: { dryRun: false } });
      if (run.status !== 202) throw new Error(`run: ${run.status} ${await run.text()}`);
      for (;;) {
        const state = (await (await session.fetch(`/api/imports/${job.id}`)).json()) as { status: string; counts: Record<string, number> };
        if (state.status === 'completed' || state.status === 'failed') {
          const seconds = ((performance.now() - started) / 1000).toFixed(2).padStart(8);
          const counts = Object.entries(state.counts).map(([k, v]) => `${k} ${v}`).join(', ');
          console.log(`  ${label.padEnd(28)} ${seconds} ${memoryMb(pid, 'VmRSS')}  ${memoryMb(pid, 'VmHWM')}  ${state.status}: ${counts}`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const accounts = Math.round(rows / 2.5);
    await runFile('accounts', accountsCsv(accounts), `${accounts} accounts`);
    const contacts = contactsCsv(rows, accounts);
    await runFile('advocates', contacts, `${rows} advocates`);
    await runFile('advocates', contacts, `${rows} advocates again`);
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
