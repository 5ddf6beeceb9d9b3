import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { HttpSession, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ADMIN = { VOUCH_ADMIN_EMAIL: 'durable@example.com', VOUCH_ADMIN_PASSWORD: 'sturdy granite bridge 31', VOUCH_SEED_DEMO: 'false' };
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** PGlite in a fresh data directory, or a fresh PostgreSQL database when TEST_DATABASE_URL is set. */
async function databaseEnv(): Promise<Record<string, string>> {
  const db: TestDatabase = await createTestDatabase();
  if (db.url) {
    cleanups.push(() => db.drop());
    return { DATABASE_URL: db.url };
  }
  await db.drop();
  const dir = mkdtempSync(join(tmpdir(), 'vouch-durable-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { VOUCH_DATA_DIR: join(dir, 'data') };
}

async function listAllInvitationEmails(session: HttpSession): Promise<Set<string>> {
  const emails = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await session.fetch(`/api/invitations?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    const page = (await res.json()) as { items: { email: string }[]; nextCursor: string | null };
    page.items.forEach((i) => emails.add(i.email));
    cursor = page.nextCursor;
  } while (cursor);
  return emails;
}

describe('durability', () => {
  it('keeps every acknowledged write through kill -9 and a restart', async () => {
    const env = { ...(await databaseEnv()), ...ADMIN };
    let server: ServerProcess = await startServerProcess(env);
    const session = new HttpSession(server.url);
    expect((await session.signIn(ADMIN.VOUCH_ADMIN_EMAIL, ADMIN.VOUCH_ADMIN_PASSWORD)).status).toBe(200);

    const acknowledged: string[] = [];
    let writing = true;
    const writer = async (lane: number) => {
      for (let i = 0; writing; i++) {
        const email = `w${lane}-${i}@durable.example`;
        try {
          const res = await session.fetch('/api/invitations', { method: 'POST', body: { email, name: `Writer ${lane}`, roles: ['sales'], team: 'sales' } });
          if (res.status === 201) acknowledged.push(email);
        } catch {
          return; // the connection died with the server
        }
      }
    };
    const lanes = [writer(1), writer(2), writer(3)];
    while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 25));
    server.process.kill('SIGKILL');
    await server.exited;
    writing = false;
    await Promise.all(lanes);

    server = await startServerProcess(env);
    cleanups.push(() => void server.process.kill('SIGKILL'));
    const after = new HttpSession(server.url);
    expect((await after.signIn(ADMIN.VOUCH_ADMIN_EMAIL, ADMIN.VOUCH_ADMIN_PASSWORD)).status).toBe(200);
    const stored = await listAllInvitationEmails(after);
    const lost = acknowledged.filter((email) => !stored.has(email));
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(lost).toEqual([]);
    server.process.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('shuts down gracefully on SIGTERM: requests in flight are answered, then it exits 0', async () => {
    const env = { ...(await databaseEnv()), ...ADMIN };
    const server = await startServerProcess(env);
    const attempts = Array.from({ length: 6 }, () => new HttpSession(server.url).signIn(ADMIN.VOUCH_ADMIN_EMAIL, ADMIN.VOUCH_ADMIN_PASSWORD));
    await new Promise((r) => setTimeout(r, 30));
    server.process.kill('SIGTERM');
    // Requests already accepted finish; later ones are refused (503) or cannot connect.
    const statuses = await Promise.all(attempts.map((a) => a.then((r) => r.status, () => 'refused' as const)));
    expect(statuses.every((s) => s === 200 || s === 503 || s === 'refused')).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(0);
    expect(await server.exited, server.output()).toBe(0);
    // The database was closed cleanly: the next start comes straight up.
    const again = await startServerProcess(env);
    expect((await new HttpSession(again.url).signIn(ADMIN.VOUCH_ADMIN_EMAIL, ADMIN.VOUCH_ADMIN_PASSWORD)).status).toBe(200);
    again.process.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
