import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: ApiClient;
let ownerA: ApiClient;
let accountA: string;
let accountB: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  ownerA = await t.signedInAs(['owner']);
  accountA = (await createAccount(t.deps.db, { name: 'Alpha Bank', ownerUserId: ownerA.userId })).id;
  accountB = (await createAccount(t.deps.db, { name: 'Beta Retail' })).id;
});
afterAll(() => t.close());

let n = 0;
const advocateBody = (overrides: object = {}) => ({
  accountId: accountA,
  firstName: 'Dana',
  lastName: `Okafor${++n}`,
  email: `dana${n}@alpha.example`,
  phone: '+44 20 7946 0000',
  title: 'VP Data Platforms',
  seniorityKey: 'vp',
  functionKey: 'it',
  orientation: 'technical',
  country: 'GB',
  timeZone: 'Europe/London',
  languageKeys: ['en'],
  topicKeys: ['implementation', 'security'],
  willingness: { reference_call: 'yes', case_study: 'ask_first' },
  storyOutcomes: 'Cut month-end reporting from 9 days to 2.',
  ...overrides,
});

async function create(client: ApiClient, overrides: object = {}) {
  const res = await client.post('/api/advocates', advocateBody(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; contact: { hasEmail: boolean; canReveal: boolean } }>();
}

describe('advocate profiles', () => {
  it('creates a full profile and never returns e-mail or phone in it', async () => {
    const advocate = await create(admin);
    const res = await admin.get(`/api/advocates/${advocate.id}`);
    const body = res.json();
    expect(body).toMatchObject({ name: expect.stringContaining('Dana'), account: { name: 'Alpha Bank' }, status: 'nominated', freshness: 'never_verified' });
    expect(body.contact).toEqual({ hasEmail: true, hasPhone: true, canReveal: true });
    expect(res.body).not.toContain('alpha.example');
    expect(res.body).not.toContain('7946');
  });

  it('reports every invalid field at once', async () => {
    const res = await admin.post('/api/advocates', advocateBody({ seniorityKey: 'emperor', topicKeys: ['security', 'blockchain'], timeZone: 'Mars/Olympus', country: 'ZZ', willingness: { telepathy: 'yes' }, blackouts: [{ startsOn: '2026-08-10', endsOn: '2026-08-01' }] }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['blackouts.0.endsOn', 'country', 'seniorityKey', 'timeZone', 'topicKeys.1', 'willingness.0']);
  });

  it('detects duplicates by e-mail anywhere and by name at the same account', async () => {
    const first = await create(admin, { email: 'same@alpha.example', lastName: 'Twin' });
    const byEmail = await admin.post('/api/advocates', advocateBody({ email: 'SAME@alpha.example', accountId: accountB }));
    expect(byEmail.statusCode).toBe(409);
    expect(byEmail.json().detail).toContain(first.id);
    const byName = await admin.post('/api/advocates', advocateBody({ firstName: 'Dana', lastName: 'Twin', email: null }));
    expect(byName.statusCode).toBe(409);
    expect((await admin.post('/api/advocates', advocateBody({ firstName: 'Dana', lastName: 'Twin', email: null, allowDuplicateName: true }))).statusCode).toBe(201);
    expect((await admin.post('/api/advocates', advocateBody({ firstName: 'Dana', lastName: 'Twin', email: null, accountId: accountB }))).statusCode).toBe(201);
  });

  it('moves along the lifecycle only by allowed steps, and needs consent to become active', async () => {
    const { id } = await create(admin);
    const skip = await admin.post(`/api/advocates/${id}/status`, { status: 'active' });
    expect(skip.statusCode).toBe(409);
    for (const status of ['in_review', 'interviewed']) expect((await admin.post(`/api/advocates/${id}/status`, { status })).statusCode).toBe(200);
    const noConsent = await admin.post(`/api/advocates/${id}/status`, { status: 'active' });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().detail).toContain('consent');
    await admin.patch(`/api/advocates/${id}`, { consent: { at: '2026-11-01T10:00:00Z', method: 'Signed reference agreement', scope: ['reference_call', 'case_study'] }, lastVerifiedAt: t.clock.now().toISOString() });
    const active = await admin.post(`/api/advocates/${id}/status`, { status: 'active', reason: 'Interview went well' });
    expect(active.json()).toMatchObject({ status: 'active', freshness: 'fresh' });
    const [event] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.targetId, id), eq(auditEvents.action, 'advocate.status_changed'), eq(auditEvents.details, { from: 'interviewed', to: 'active', reason: 'Interview went well' })));
    expect(event).toBeDefined();
  });

  it('lists by account in name order with keyset pagination', async () => {
    const account = (await createAccount(t.deps.db, { name: 'Gamma Health' })).id;
    for (const last of ['Zhou', 'adams', 'Müller', 'Brown', 'Chen']) await create(admin, { accountId: account, lastName: last, email: null });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin.get(`/api/advocates?accountId=${account}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = res.json<{ items: { lastName: string }[]; nextCursor: string | null }>();
      names.push(...page.items.map((i) => i.lastName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toEqual(['adams', 'Brown', 'Chen', 'Müller', 'Zhou']);
  });
});

describe('who sees and changes what', () => {
  it('lets every internal role read profiles, without contact details', async () => {
    const { id } = await create(admin);
    for (const role of ['sales', 'marketing', 'exec'] as const) {
      const client = await t.signedInAs([role]);
      const res = await client.get(`/api/advocates/${id}`);
      expect(res.statusCode, role).toBe(200);
      expect(res.json().contact.canReveal).toBe(false);
      expect((await client.get(`/api/advocates?accountId=${accountA}`)).statusCode).toBe(200);
    }
    expect((await t.client().get(`/api/advocates/${id}`)).statusCode).toBe(401);
  });

  it('reveals contact details to admins and the account owner only, auditing each reveal', async () => {
    const { id } = await create(admin, { email: 'reveal.me@alpha.example', phone: '+1 555 0100' });
    const byOwner = await ownerA.post(`/api/advocates/${id}/contact-reveals`);
    expect(byOwner.json()).toEqual({ email: 'reveal.me@alpha.example', phone: '+1 555 0100' });
    expect((await admin.post(`/api/advocates/${id}/contact-reveals`)).statusCode).toBe(200);
    const otherOwner = await t.signedInAs(['owner']);
    expect((await otherOwner.post(`/api/advocates/${id}/contact-reveals`)).statusCode).toBe(403);
    const seller = await t.signedInAs(['sales', 'marketing', 'exec']);
    const refused = await seller.post(`/api/advocates/${id}/contact-reveals`);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('reveal.me');
    const reveals = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'protected_field.revealed'), eq(auditEvents.targetId, id)));
    expect(reveals.map((r) => [r.actorUserId, r.details])).toEqual(
      expect.arrayContaining([
        [ownerA.userId, { fields: ['email', 'phone'], reason: 'account owner' }],
        [admin.userId, { fields: ['email', 'phone'], reason: 'program admin' }],
      ]),
    );
    expect(reveals).toHaveLength(2);
  });

  it('lets an owner nominate and edit at their own accounts only, and never set program fields', async () => {
    const nominated = await create(ownerA);
    expect((await ownerA.patch(`/api/advocates/${nominated.id}`, { title: 'CIO' })).json().title).toBe('CIO');
    expect((await ownerA.post('/api/advocates', advocateBody({ accountId: accountB }))).statusCode).toBe(403);
    const atB = await create(admin, { accountId: accountB });
    expect((await ownerA.patch(`/api/advocates/${atB.id}`, { title: 'CIO' })).statusCode).toBe(403);
    const programField = await ownerA.patch(`/api/advocates/${nominated.id}`, { points: 500 });
    expect(programField.statusCode).toBe(403);
    expect(programField.json().detail).toContain('points');
    expect((await ownerA.post('/api/advocates', advocateBody({ status: 'active' }))).statusCode).toBe(403);
    expect((await ownerA.post(`/api/advocates/${nominated.id}/status`, { status: 'in_review' })).statusCode).toBe(403);
    // Moving one of their advocates to someone else's account is not theirs to decide either.
    expect((await ownerA.patch(`/api/advocates/${nominated.id}`, { accountId: accountB })).statusCode).toBe(403);
  });

  it('refuses sellers and marketers any write', async () => {
    const { id } = await create(admin);
    const seller = await t.signedInAs(['sales', 'marketing', 'exec']);
    expect((await seller.post('/api/advocates', advocateBody())).statusCode).toBe(403);
    expect((await seller.patch(`/api/advocates/${id}`, { title: 'x' })).statusCode).toBe(403);
  });

  it('answers 404 for unknown advocates and 400 for an unknown account', async () => {
    expect((await admin.get('/api/advocates/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const res = await admin.post('/api/advocates', advocateBody({ accountId: '00000000-0000-4000-8000-000000000000' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('accountId');
  });
});
