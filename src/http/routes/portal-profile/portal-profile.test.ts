import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocateProfileChanges, advocates, auditEvents } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount } from '../../../../test/helpers/factories.js';
import { portalRequest, signInAdvocate, type PortalSession } from '../../../../test/helpers/portal-session.js';
import { createActiveAdvocate } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  accountId = (await createAccount(t.deps.db)).id;
});
afterAll(() => t.close());

async function advocateWithSession(overrides: Partial<typeof advocates.$inferInsert> = {}) {
  const advocate = await createActiveAdvocate(t.deps.db, accountId, { topicKeys: ['security'], languageKeys: ['en'], country: 'FR', timeZone: 'Europe/Paris', ...overrides });
  const session = await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now());
  return { advocate, session };
}
const get = (s: PortalSession, url: string) => portalRequest(t.app, s, { method: 'GET', url });
const post = (s: PortalSession, url: string, payload: object) => portalRequest(t.app, s, { method: 'POST', url, payload });
const auditsOf = (advocateId: string, action: string) =>
  t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, advocateId), eq(auditEvents.action, action)));

describe('GET /api/portal/profile', () => {
  it('shows the advocate their own profile, contact details included, and nothing without a session', async () => {
    const { advocate, session } = await advocateWithSession();
    const res = await get(session, '/api/portal/profile');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: advocate.id,
      email: advocate.email,
      phone: advocate.phone,
      title: 'VP Data',
      topicKeys: ['security'],
      timeZone: 'Europe/Paris',
      freshness: 'never_verified',
      pendingChange: null,
      lastDecision: null,
    });
    expect((await t.client().get('/api/portal/profile')).statusCode).toBe(401);
    // A user's session is no advocate's session.
    expect((await (await t.signedInAs(['admin'])).get('/api/portal/profile')).statusCode).toBe(401);
  });

  it('lists the values the advocate may pick, with retired ones only when they hold them', async () => {
    const { session } = await advocateWithSession();
    const res = await get(session, '/api/portal/profile-options');
    expect(res.statusCode).toBe(200);
    const body = res.json<Record<string, { key: string; retired: boolean }[]>>();
    expect(body.topics!.map((o) => o.key)).toContain('security');
    expect(body.countries!.some((o) => o.key === 'FR')).toBe(true);
    expect(body.products!.every((o) => !o.retired)).toBe(true);
  });
});

describe('POST /api/portal/profile-changes', () => {
  it('stores only the changed fields with the values before, and changes nothing on the profile', async () => {
    const { advocate, session } = await advocateWithSession();
    const res = await post(session, '/api/portal/profile-changes', {
      changes: { title: 'Chief Data Officer', topicKeys: ['security', 'migration'], languageKeys: ['en'], country: 'FR', email: advocate.email!.toUpperCase() },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().outcome).toBe('proposed');
    expect(res.json().change.fields).toEqual([
      { field: 'title', label: 'Job title', before: 'VP Data', proposed: 'Chief Data Officer' },
      { field: 'topicKeys', label: 'Topics', before: ['security'], proposed: ['security', 'migration'] },
    ]);
    expect(res.json().profile.pendingChange.id).toBe(res.json().change.id);
    const [row] = await t.deps.db.select().from(advocates).where(eq(advocates.id, advocate.id));
    expect(row).toMatchObject({ title: 'VP Data', topicKeys: ['security'] });
    const [audit] = await auditsOf(advocate.id, 'advocate.profile_change_proposed');
    expect(audit).toMatchObject({ actorUserId: null, actorLabel: expect.stringContaining('(advocate, portal)') });
    expect(audit!.details).toMatchObject({ fields: ['title', 'topicKeys'] });
  });

  it('lets a new proposal supersede the pending one', async () => {
    const { advocate, session } = await advocateWithSession();
    const first = await post(session, '/api/portal/profile-changes', { changes: { title: 'CTO' } });
    t.clock.advance(1000);
    const second = await post(session, '/api/portal/profile-changes', { changes: { title: 'CIO', phone: '+49 30 1234567' } });
    expect(second.statusCode).toBe(201);
    expect(second.json().supersededId).toBe(first.json().change.id);
    const rows = await t.deps.db.select().from(advocateProfileChanges).where(eq(advocateProfileChanges.advocateId, advocate.id));
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({ [first.json().change.id]: 'superseded', [second.json().change.id]: 'pending' });
    const profile = (await get(session, '/api/portal/profile')).json();
    expect(profile.pendingChange.fields.map((f: { field: string }) => f.field)).toEqual(['title', 'phone']);
  });

  it('confirms the profile is still right when nothing changes: verified at once, audited', async () => {
    const { advocate, session } = await advocateWithSession({ lastVerifiedAt: new Date('2020-01-01T00:00:00Z') });
    expect((await get(session, '/api/portal/profile')).json().freshness).toBe('stale');
    const res = await post(session, '/api/portal/profile-changes', { changes: { title: ' VP Data ', topicKeys: ['security'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ outcome: 'verified', lastVerifiedAt: t.clock.now().toISOString(), profile: { freshness: 'fresh', pendingChange: null } });
    expect(await auditsOf(advocate.id, 'advocate.profile_verified')).toHaveLength(1);
    expect((await post(session, '/api/portal/profile-changes', { changes: {} })).statusCode).toBe(200);
  });

  it('refuses a bad time zone, unknown keys and malformed values with a reason per field', async () => {
    const { advocate, session } = await advocateWithSession();
    const res = await post(session, '/api/portal/profile-changes', { changes: { timeZone: 'Mars/Olympus', topicKeys: ['security', 'blockchain'], country: 'ZZ' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'timeZone', reason: expect.stringContaining('IANA') },
        { field: 'topicKeys.1', reason: expect.stringContaining('"blockchain"') },
        { field: 'country', reason: expect.any(String) },
      ]),
    );
    const shape = await post(session, '/api/portal/profile-changes', { changes: { email: 'not-an-address', phone: 'call me', status: 'active' } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['changes.email', 'changes.phone']));
    expect(await t.deps.db.select().from(advocateProfileChanges).where(eq(advocateProfileChanges.advocateId, advocate.id))).toHaveLength(0);
  });

  it('needs the session’s CSRF token', async () => {
    const { session } = await advocateWithSession();
    const res = await portalRequest(t.app, session, { method: 'POST', url: '/api/portal/profile-changes', payload: { changes: { title: 'X' } }, headers: { 'x-csrf-token': 'wrong' } });
    expect(res.statusCode).toBe(403);
    expect((await t.client().post('/api/portal/profile-changes', { changes: { title: 'X' } })).statusCode).toBe(401);
  });
});
