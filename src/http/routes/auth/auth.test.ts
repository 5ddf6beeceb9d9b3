import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('opens a session with a hardened cookie and returns the user with roles', async () => {
    const user = await createUser(t.deps.db, { roles: ['sales', 'marketing'] });
    const client = t.client();
    const res = await client.signIn(user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'vouch_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(res.json().user).toMatchObject({ id: user.id, roles: ['sales', 'marketing'], status: 'active' });
    expect(res.json().user).not.toHaveProperty('passwordHash');
    const me = await client.get('/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: user.email }, organization: { name: 'Northwind Testing' } });
    const [event] = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, user.id));
    expect(event?.action).toBe('auth.sign_in');
  });

  it('answers the same for an unknown e-mail and a wrong password, and audits both', async () => {
    const user = await createUser(t.deps.db);
    const a = t.client();
    a.ip = '198.51.100.1';
    const wrong = await a.signIn(user.email, 'not the password at all');
    const unknown = await a.signIn('nobody@example.com', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    const strip = (b: Record<string, unknown>) => ({ ...b, instance: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    const failures = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.action, 'auth.sign_in_failed'));
    expect(failures.map((f) => f.actorLabel)).toEqual(expect.arrayContaining([user.email, 'nobody@example.com']));
  });

  it('throttles an account after repeated failures with 429 and Retry-After, even with the right password', async () => {
    const user = await createUser(t.deps.db);
    const client = t.client();
    client.ip = '198.51.100.2';
    for (let i = 0; i < 5; i++) expect((await client.signIn(user.email, `wrong password ${i}`)).statusCode).toBe(401);
    const blocked = await client.signIn(user.email, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is throttled too: the limit is on the account.
    const other = t.client();
    other.ip = '198.51.100.3';
    expect((await other.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(429);
    // After the wait, the right password works again.
    t.clock.advance(Number(blocked.headers['retry-after']) * 1000 + 1000);
    expect((await client.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('throttles an unknown e-mail exactly like a known one', async () => {
    const client = t.client();
    client.ip = '198.51.100.4';
    for (let i = 0; i < 5; i++) await client.signIn('ghost@example.com', `guess ${i}`);
    expect((await client.signIn('ghost@example.com', 'guess again')).statusCode).toBe(429);
  });

  it('throttles a client address that sprays many accounts', async () => {
    const client = t.client();
    client.ip = '198.51.100.5';
    for (let i = 0; i < 30; i++) await client.signIn(`spray-${i}@example.com`, 'Winter2026!');
    const user = await createUser(t.deps.db);
    const res = await client.signIn(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('refuses a deactivated user with the same answer as a wrong password', async () => {
    const user = await createUser(t.deps.db, { status: 'deactivated' });
    const res = await t.client().signIn(user.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toBe('Incorrect e-mail or password.');
  });

  it('rejects a missing field with a reason per field', async () => {
    const res = await t.client().post('/api/auth/sign-in', { email: 'a@example.com' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'password', reason: expect.any(String) }]);
  });
});

describe('sessions', () => {
  it('sign-out revokes the session on the server', async () => {
    const client = await t.signedInAs(['sales']);
    const cookie = client.cookie;
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    const reuse = await client.request({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie ?? '' } });
    expect(reuse.statusCode).toBe(401);
  });

  it('expires after the idle timeout, and activity keeps it alive', async () => {
    const client = await t.signedInAs(['sales']);
    const idle = t.config.session.idleMs;
    t.clock.advance(idle - 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(idle - 60_000);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(idle + 1);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires at the absolute lifetime however active it is', async () => {
    const client = await t.signedInAs(['sales']);
    const step = t.config.session.idleMs / 2;
    let elapsed = 0;
    while (elapsed + step < t.config.session.absoluteMs) {
      t.clock.advance(step);
      elapsed += step;
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.advance(step);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('requires the CSRF token for cookie-authenticated state changes', async () => {
    const client = await t.signedInAs(['sales']);
    const missing = await client.request({ method: 'POST', url: '/api/auth/sign-out', headers: { 'x-csrf-token': '' } });
    expect(missing.statusCode).toBe(403);
    const wrong = await client.request({ method: 'POST', url: '/api/auth/sign-out', headers: { 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.statusCode).toBe(403);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('refuses state changes from another origin', async () => {
    const client = await t.signedInAs(['sales']);
    const res = await client.request({ method: 'POST', url: '/api/auth/sign-out', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(403);
    const login = await t.client().request({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'a@b.c', password: 'x' }, headers: { origin: 'https://evil.example' } });
    expect(login.statusCode).toBe(403);
  });
});

describe('change password', () => {
  it('checks the current password and the policy, then signs out other sessions only', async () => {
    const user = await createUser(t.deps.db, { name: 'Grace Hopper' });
    const here = t.client();
    const elsewhere = t.client();
    await here.signIn(user.email, TEST_PASSWORD);
    await elsewhere.signIn(user.email, TEST_PASSWORD);

    const wrong = await here.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a brand new long passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'currentPassword', reason: expect.any(String) }]);
    for (const weak of ['short', 'password1234', 'gracehopper-rules-2026']) {
      const res = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: weak });
      expect(res.statusCode, weak).toBe(400);
      expect(res.json().errors[0].field).toBe('newPassword');
    }
    const ok = await here.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'violet tangerine orbit 9' });
    expect(ok.statusCode).toBe(204);
    expect((await here.get('/api/auth/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.client().signIn(user.email, 'violet tangerine orbit 9')).statusCode).toBe(200);
    expect((await t.client().signIn(user.email, TEST_PASSWORD)).statusCode).toBe(401);
  });
});

describe('secure deployments', () => {
  it('marks the cookie Secure and sends HSTS when the public URL is https', async () => {
    const https = await createTestApp({ PUBLIC_URL: 'https://vouch.example.com' });
    try {
      const user = await createUser(https.deps.db);
      const res = await https.client().signIn(user.email, TEST_PASSWORD);
      expect(res.cookies.find((c) => c.name === 'vouch_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await https.close();
    }
  });
});
