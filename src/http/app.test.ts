import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { createLogger } from '../logger.js';
import { createTestApp, type TestApp } from '../../test/helpers/app.js';
import { createUser, TEST_PASSWORD } from '../../test/helpers/factories.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('platform', () => {
  it('answers /healthz and /readyz', async () => {
    const health = await t.client().get('/healthz');
    expect(health.json()).toEqual({ status: 'ok' });
    const ready = await t.client().get('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', database: t.db.database.kind });
  });

  it('publishes OpenAPI 3.1 generated from the schemas, and a public docs page', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/users', '/api/invitations', '/api/audit-events']));
    // Every $ref points at a schema the document defines.
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of new Set(refs)) expect(doc.components.schemas, ref).toHaveProperty(ref as string);
    const signIn = doc.paths['/api/auth/sign-in'].post;
    expect(JSON.stringify(signIn.requestBody)).toContain('password');
    const docs = await t.client().get('/api/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('gives problem+json 404s for unknown API paths, signed in or not', async () => {
    const anonymous = await t.client().get('/api/no-such-thing');
    expect(anonymous.statusCode).toBe(404);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    expect(anonymous.json()).toMatchObject({ status: 404, title: 'Not found' });
  });

  it('gives 400, never 500, for malformed or mistyped input', async () => {
    const client = await t.signedInAs(['admin']);
    const malformed = await client.request({ method: 'POST', url: '/api/invitations', payload: '{"email":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().title).toBe('Malformed JSON');
    const badId = await client.get('/api/users/not-a-uuid');
    expect(badId.statusCode).toBe(400);
    expect(badId.json().errors).toEqual([{ field: 'params.id', reason: 'must be a UUID' }]);
    const badQuery = await client.get('/api/users?limit=100000&role=wizard');
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.limit', 'query.role']);
    const badCursor = await client.get('/api/users?cursor=garbage');
    expect(badCursor.statusCode).toBe(400);
    const wrongType = await client.request({ method: 'POST', url: '/api/invitations', payload: '<email/>', headers: { 'content-type': 'application/xml' } });
    expect(wrongType.statusCode).toBe(415);
    const wrongShape = await client.post('/api/invitations', { email: 'not-an-email', name: '', roles: ['king'], team: 'sales' });
    expect(wrongShape.statusCode).toBe(400);
    expect(wrongShape.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'name', 'roles.0']);
  });

  it('sends security headers: CSP for the SPA, no framing, no sniffing, no HSTS on http', async () => {
    const res = await t.client().get('/healthz');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-request-id']).toMatch(/.+/);
  });

  it('never writes a password, session token, CSRF token or cookie to the log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('trace', sink);
    const app = await buildApp({ database: t.db.database, config: t.config, logger, now: t.clock.now });
    try {
      const user = await createUser(t.deps.db);
      const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: TEST_PASSWORD } });
      const token = signIn.cookies.find((c) => c.name === 'vouch_session')?.value ?? 'missing';
      const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
      await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: `vouch_session=${token}`, 'x-csrf-token': csrf } });
      logger.info({ password: TEST_PASSWORD, token, body: { newPassword: TEST_PASSWORD } }, 'a careless log call');
      const log = lines.join('');
      expect(log).toContain('request completed');
      expect(log).not.toContain(TEST_PASSWORD);
      expect(log).not.toContain(token);
      expect(log).not.toContain(csrf);
    } finally {
      await app.close();
    }
  });
});

describe('readiness', () => {
  it('reports 503 while a migration is pending', async () => {
    const own = await createTestApp();
    try {
      const { sql } = await import('drizzle-orm');
      await own.deps.db.execute(sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`);
      const res = await own.client().get('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toContain('migrations');
    } finally {
      await own.close();
    }
  });
});
