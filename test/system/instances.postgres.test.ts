import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { HttpSession, startServerProcess, type ServerProcess } from '../helpers/server-process.js';

const ADMIN = { VOUCH_ADMIN_EMAIL: 'twins@example.com', VOUCH_ADMIN_PASSWORD: 'two ships passing nightly 8', VOUCH_SEED_DEMO: 'true', VOUCH_DEMO_PASSWORD: 'demo people talk a lot 55' };
let db: TestDatabase;
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const s of servers) s.process.kill('SIGKILL');
  await db?.drop();
});

describe('several app instances on one PostgreSQL', () => {
  it('start together, migrate and bootstrap once, and share sessions', async () => {
    db = await createTestDatabase();
    const url = db.url;
    if (!url) throw new Error('this suite runs only on PostgreSQL');
    // Both instances start at the same moment against an empty organisation table.
    const [a, b] = await Promise.all([startServerProcess({ DATABASE_URL: url, ...ADMIN }), startServerProcess({ DATABASE_URL: url, ...ADMIN })]);
    servers.push(a, b);
    const firstStarts = [a.output(), b.output()].filter((o) => o.includes('First start')).length;
    expect(firstStarts).toBe(1);

    const onA = new HttpSession(a.url);
    expect((await onA.signIn(ADMIN.VOUCH_ADMIN_EMAIL, ADMIN.VOUCH_ADMIN_PASSWORD)).status).toBe(200);
    const onB = new HttpSession(b.url);
    onB.cookie = onA.cookie;
    onB.csrfToken = onA.csrfToken;
    const me = await onB.fetch('/api/auth/me');
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(ADMIN.VOUCH_ADMIN_EMAIL);

    // A write on one instance is visible on the other; sign-out on B ends the session on A.
    const invited = await onA.fetch('/api/invitations', { method: 'POST', body: { email: 'shared@example.com', name: 'Shared', roles: ['sales'], team: 'sales' } });
    expect(invited.status).toBe(201);
    const listed = (await (await onB.fetch('/api/invitations?status=pending')).json()) as { items: { email: string }[] };
    expect(listed.items.map((i) => i.email)).toContain('shared@example.com');
    expect((await onB.fetch('/api/auth/sign-out', { method: 'POST', body: {} })).status).toBe(204);
    expect((await onA.fetch('/api/auth/me')).status).toBe(401);

    // Sign-in throttling counts failures across instances.
    for (let i = 0; i < 3; i++) await new HttpSession(a.url).signIn(ADMIN.VOUCH_ADMIN_EMAIL, `wrong ${i}`);
    for (let i = 0; i < 2; i++) await new HttpSession(b.url).signIn(ADMIN.VOUCH_ADMIN_EMAIL, `wrong ${i}`);
    expect((await new HttpSession(a.url).signIn(ADMIN.VOUCH_ADMIN_EMAIL, ADMIN.VOUCH_ADMIN_PASSWORD)).status).toBe(429);
  });
});
