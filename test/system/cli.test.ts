import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { HttpSession, startServerProcess } from '../helpers/server-process.js';

const run = promisify(execFile);
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
  }).catch((error: { code: number; stdout: string; stderr: string }) => ({ ...error, failed: true }));
}

describe('vouch CLI', () => {
  it('migrates, creates an admin who can sign in, and explains bad configuration', async () => {
    const db: TestDatabase = await createTestDatabase();
    let env: Record<string, string>;
    if (db.url) {
      cleanups.push(() => db.drop());
      env = { DATABASE_URL: db.url };
    } else {
      await db.drop();
      const dir = mkdtempSync(join(tmpdir(), 'vouch-cli-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      env = { VOUCH_DATA_DIR: join(dir, 'data') };
    }
    const migrate = await cli(['migrate'], env);
    expect(migrate.stdout).toContain('Migrations are current.');

    const created = await cli(['create-admin', '--email', 'ops@example.com', '--name', 'Ops Person'], env);
    const password = /Password: (\S+)/.exec(created.stdout)?.[1] ?? '';
    expect(created.stdout).toContain('Created admin ops@example.com');
    expect(password.length).toBeGreaterThanOrEqual(20);

    const weak = await cli(['create-admin', '--email', 'weak@example.com', '--password', 'password'], env);
    expect('failed' in weak && weak.code).toBe(2);
    expect(weak.stderr).toContain('password');

    const badConfig = await cli(['migrate'], { ...env, PORT: 'eighty', SMTP_URL: 'http://mail' });
    expect('failed' in badConfig && badConfig.code).toBe(2);
    expect(badConfig.stderr).toContain('PORT');
    expect(badConfig.stderr).toContain('SMTP_URL');

    const server = await startServerProcess({ ...env, VOUCH_SEED_DEMO: 'false', VOUCH_ADMIN_PASSWORD: 'quiet orchard ladder 64' });
    cleanups.push(() => void server.process.kill('SIGKILL'));
    const session = new HttpSession(server.url);
    const res = await session.signIn('ops@example.com', password);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { roles: string[] } }).user.roles).toEqual(['admin']);
    server.process.kill('SIGTERM');
    await server.exited;
  });
});
