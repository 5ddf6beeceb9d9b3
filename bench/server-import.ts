import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { accountsCsv, contactsCsv } from './import-bench.js';

/**
 * The import as users meet it: `vouch serve` started as `npm start` starts it (tsx, on-disk
 * PGlite, demo seeded), the files uploaded and run through the HTTP API. The server's peak RSS
 * is read from the kernel (VmHWM), so it counts everything the process holds, not a sample.
 */
const PASSWORD = 'Bench-server-password-2026!';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const memoryOf = (pid: number, field: 'VmRSS' | 'VmHWM'): number | null => {
  const file = `/proc/${pid}/status`;
  if (!existsSync(file)) return null;
  const found = readFileSync(file, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`));
  return found ? Number(found[1]) / 1024 : null;
};

export async function benchServerImport(rows: number): Promise<void> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'vouch-bench-server-'));
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', VOUCH_DATA_DIR: dataDir, VOUCH_ADMIN_EMAIL: 'admin@bench.test', VOUCH_ADMIN_PASSWORD: PASSWORD, LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const pid = server.pid ?? 0;
  const mb = (field: 'VmRSS' | 'VmHWM') => memoryOf(pid, field)?.toFixed(0).padStart(6) ?? '   n/a';
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null || i > 1_200) throw new Error('the server did not start');
      const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@bench.test', password: PASSWORD }) });
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const headers = { cookie: signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': csrfToken };
    console.log(`\nServer (tsx, as npm start runs it) · CSV import through the API, ${rows} rows (server RSS after start: ${mb('VmRSS').trim()} MB)`);
    console.log(`  ${'import'.padEnd(28)} ${'total s'.padStart(8)} ${'RSS MB'.padStart(7)} ${'peak MB'.padStart(8)}  outcome`);
    const runFile = async (kind: string, csv: string, label: string) => {
      const started = performance.now();
      const upload = await fetch(`${base}/api/imports?kind=${kind}&fileName=${kind}.csv`, { method: 'POST', headers: { ...headers, 'content-type': 'text/csv' }, body: csv });
      if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${await upload.text()}`);
      const { job } = (await upload.json()) as { job: { id: string } };
      const run = await fetch(`${base}/api/imports/${job.id}/runs`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ dryRun: false }) });
      if (run.status !== 202) throw new Error(`run: ${run.status} ${await run.text()}`);
      for (;;) {
        const state = (await (await fetch(`${base}/api/imports/${job.id}`, { headers })).json()) as { status: string; counts: Record<string, number> };
        if (state.status === 'completed' || state.status === 'failed') {
          const seconds = ((performance.now() - started) / 1000).toFixed(2).padStart(8);
          const counts = Object.entries(state.counts).map(([k, v]) => `${k} ${v}`).join(', ');
          console.log(`  ${label.padEnd(28)} ${seconds} ${mb('VmRSS')}  ${mb('VmHWM')}  ${state.status}: ${counts}`);
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
    server.kill('SIGTERM');
    await new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once('exit', resolve)));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
