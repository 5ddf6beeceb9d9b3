import { Writable } from 'node:stream';
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocateSessions, advocateSignInLinks, auditEvents, outboxMessages } from '../../../db/schema/index.js';
import { createLogger, redactUrlTokens } from '../../../logger.js';
import { issueSignInLink } from '../../../services/portal/issue-sign-in-link.js';
import { buildApp } from '../../app.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount } from '../../../../test/helpers/factories.js';
import { portalRequest, signInAdvocate } from '../../../../test/helpers/portal-session.js';
import { createActiveAdvocate } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let accountId: string;
let ipCounter = 0;
/** A fresh network address per test, so the per-IP limit only bites where a test wants it to. */
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  t = await createTestApp();
  accountId = (await createAccount(t.deps.db)).id;
});
afterAll(() => t.close());

const askLink = (email: string, ip = nextIp()) => t.app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email }, remoteAddress: ip });
const exchange = (token: string) => t.app.inject({ method: 'POST', url: '/api/portal/session', payload: { token }, remoteAddress: '203.0.113.30' });

async function linkTokenFor(advocateId: string): Promise<string> {
  const [mail] = await t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, 'advocate.sign_in_link'), sql`${outboxMessages.payload} ->> 'advocateId' = ${advocateId}`))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  const token = /portal\/auth\?token=([A-Za-z0-9_-]+)/.exec(mail?.bodyText ?? '')?.[1];
  if (!token) throw new Error('no sign-in e-mail in the outbox');
  return token;
}

const linkMails = async (advocateId: string) =>
  (await t.deps.db.select().from(outboxMessages).where(and(eq(outboxMessages.kind, 'advocate.sign_in_link'), sql`${outboxMessages.payload} ->> 'advocateId' = ${advocateId}`))).length;

describe('portal sign-in by e-mailed link', () => {
  it('sends a single-use link to a known advocate, and the same answer for an unknown address', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, accountId);
    const known = await askLink(advocate.email!.toUpperCase());
    const unknown = await askLink('nobody@nowhere.example');
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.body).toBe(known.body);
    expect(await linkMails(advocate.id)).toBe(1);
    const [mail] = await t.deps.db.select().from(outboxMessages).where(sql`${outboxMessages.payload} ->> 'advocateId' = ${advocate.id}`);
    expect(mail).toMatchObject({ recipient: advocate.email, status: 'held' });
    expect(mail!.bodyText).toContain('http://vouch.test/portal/auth?token=');
    expect(await t.deps.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, 'nobody@nowhere.example'))).toHaveLength(0);
    // Only hashes are stored, for the unknown address too.
    const token = await linkTokenFor(advocate.id);
    const rows = await t.deps.db.select().from(advocateSignInLinks);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain('nobody@nowhere.example');
  });

  it('exchanges the link for a session cookie once; reuse, expiry and tampering get one clear problem', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, accountId);
    await askLink(advocate.email!);
    const token = await linkTokenFor(advocate.id);

    const tampered = await exchange(`${token.slice(0, -2)}xx`);
    expect(tampered.statusCode).toBe(400);
    const opened = await exchange(token);
    expect(opened.statusCode, opened.body).toBe(200);
    const cookie = opened.cookies.find((c) => c.name === 'vouch_portal_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie!.maxAge).toBe(7 * 86_400);
    expect(opened.json()).toMatchObject({ advocate: { id: advocate.id, firstName: 'Ada', status: 'active' }, organization: { name: 'Northwind Testing' } });
    const reused = await exchange(token);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toEqual(tampered.json());
    expect(reused.json()).toMatchObject({ title: 'Sign-in link not valid' });

    await askLink(advocate.email!);
    const late = await linkTokenFor(advocate.id);
    t.clock.advance(21 * 60_000);
    const expired = await exchange(late);
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toEqual(tampered.json());
    expect((await exchange('')).statusCode).toBe(400);

    const me = await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie: `vouch_portal_session=${cookie!.value}` } });
    expect(me.statusCode).toBe(200);
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.portal_signed_in'), eq(auditEvents.targetId, advocate.id)));
    expect(audit).toBeDefined();
  });

  it('limits links per address (known or not) without changing the answer, and logs it without the address', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, accountId);
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push(await askLink(advocate.email!));
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`)).size).toBe(1);
    expect(await linkMails(advocate.id)).toBe(5);
    for (let i = 0; i < 7; i++) expect((await askLink('ghost@nowhere.example')).statusCode).toBe(202);
    // An hour later the address may ask again.
    t.clock.advance(61 * 60_000);
    await askLink(advocate.email!);
    expect(await linkMails(advocate.id)).toBe(6);
  });

  it('refuses a flood from one network address with 429, whatever the addresses', async () => {
    const ip = '192.0.2.77';
    for (let i = 0; i < 30; i++) expect((await askLink(`person${i}@flood.example`, ip)).statusCode).toBe(202);
    const refused = await askLink('one-more@flood.example', ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('lets withdrawn advocates in to see their data, but not those who left the company or have no e-mail', async () => {
    const withdrawn = await createActiveAdvocate(t.deps.db, accountId, { status: 'withdrawn' });
    const left = await createActiveAdvocate(t.deps.db, accountId, { status: 'left_company' });
    await askLink(withdrawn.email!);
    await askLink(left.email!);
    expect(await linkMails(withdrawn.id)).toBe(1);
    expect(await linkMails(left.id)).toBe(0);
  });

  it('issues longer-lived single-use links for e-mails Vouch sends itself (re-verification)', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, accountId);
    const url = await t.deps.db.transaction((tx) => issueSignInLink(t.deps, tx, advocate.id, { ttlHours: 24 * 14, purpose: 'reverify' }));
    expect(url).toMatch(/^http:\/\/vouch\.test\/portal\/auth\?token=[A-Za-z0-9_-]{43}&next=profile$/);
    const token = new URL(url).searchParams.get('token')!;
    t.clock.advance(10 * 86_400_000);
    expect((await exchange(token)).statusCode).toBe(200);
    expect((await exchange(token)).statusCode).toBe(400);
  });
});

describe('portal sessions', () => {
  it('needs a session (401), and the CSRF token on changes (403)', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, accountId);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/me', headers: { cookie: 'vouch_portal_session=forged' } })).statusCode).toBe(401);
    const session = await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now());
    const me = await portalRequest(t.app, session, { method: 'GET', url: '/api/portal/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ csrfToken: session.csrf, advocate: { id: advocate.id } });
    expect((await portalRequest(t.app, session, { method: 'DELETE', url: '/api/portal/session', headers: { 'x-csrf-token': 'wrong' } })).statusCode).toBe(403);
    expect((await portalRequest(t.app, session, { method: 'DELETE', url: '/api/portal/session', headers: { 'x-csrf-token': '' } })).statusCode).toBe(403);
    // A user's session cookie is no portal session.
    const user = await t.signedInAs(['admin']);
    expect((await user.get('/api/portal/me')).statusCode).toBe(401);
  });

  it('signs out', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, accountId);
    const session = await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now());
    const out = await portalRequest(t.app, session, { method: 'DELETE', url: '/api/portal/session' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'vouch_portal_session')?.value).toBe('');
    expect((await portalRequest(t.app, session, { method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);
  });

  it('ends after 2 idle days, and after 7 days however active', async () => {
    const advocate = await createActiveAdvocate(t.deps.db, accountId);
    const idle = await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now());
    const busy = await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now());
    for (let day = 1; day <= 6; day++) {
      t.clock.advance(86_400_000);
      expect((await portalRequest(t.app, busy, { method: 'GET', url: '/api/portal/me' })).statusCode).toBe(200);
      if (day === 1) expect((await portalRequest(t.app, idle, { method: 'GET', url: '/api/portal/me' })).statusCode).toBe(200);
      if (day === 3) expect((await portalRequest(t.app, idle, { method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);
    }
    t.clock.advance(86_400_000);
    expect((await portalRequest(t.app, busy, { method: 'GET', url: '/api/portal/me' })).statusCode).toBe(401);
    const [row] = await t.deps.db.select().from(advocateSessions).where(eq(advocateSessions.advocateId, advocate.id)).limit(1);
    expect(row).toBeDefined();
  });

  it('keeps sign-in link tokens out of the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({ database: t.db.database, config: t.config, logger: createLogger('info', sink), now: t.clock.now });
    const secret = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
    try {
      await app.inject({ method: 'GET', url: `/portal/auth?token=${secret}` });
      await app.inject({ method: 'POST', url: '/api/portal/session', payload: { token: secret } });
      await app.inject({ method: 'POST', url: '/api/portal/sign-in-link', payload: { email: 'someone@nowhere.example' } });
    } finally {
      await app.close();
    }
    const log = lines.join('');
    expect(log).not.toContain(secret);
    expect(log).not.toContain('someone@nowhere.example');
    expect(redactUrlTokens(`/portal/auth?token=${secret}&next=profile`)).toBe('/portal/auth?token=[redacted]&next=profile');
  });
});
