import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { advocates, auditEvents } from '../../../db/schema/index.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';

interface AccountJson {
  id: string;
  name: string;
  industryKey: string | null;
  hqCountry: string | null;
  referenceStatus: string;
  owner: { id: string; name: string; email: string } | null;
}

let t: TestApp;
let admin: ApiClient;
let owner: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  owner = await t.signedInAs(['owner']);
});
afterAll(() => t.close());

const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

async function newAccount(body: Record<string, unknown> = {}): Promise<AccountJson> {
  const res = await admin.post('/api/accounts', { name: unique('Account'), ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AccountJson>();
}

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

describe('who may read and change accounts', () => {
  it('refuses anonymous callers with 401', async () => {
    const account = await newAccount();
    for (const [method, url] of [
      ['GET', '/api/accounts'],
      ['GET', `/api/accounts/${account.id}`],
      ['POST', '/api/accounts'],
      ['PATCH', `/api/accounts/${account.id}`],
    ] as const) {
      const res = await t.client().request({ method, url, payload: method === 'GET' ? undefined : { name: 'Nope' } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it.each(ROLES)('lets the %s role list and read accounts', async (role) => {
    const account = await newAccount();
    const client = await t.signedInAs([role]);
    expect((await client.get('/api/accounts')).statusCode).toBe(200);
    expect((await client.get(`/api/accounts/${account.id}`)).statusCode).toBe(200);
  });

  it.each(ROLES.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin'))('refuses account creation to the %s role', async (role) => {
    const client = await t.signedInAs([role]);
    expect((await client.post('/api/accounts', { name: unique('Forbidden') })).statusCode).toBe(403);
  });

  it.each(['sales', 'marketing', 'exec'] as const)('refuses every edit to the %s role', async (role) => {
    const account = await newAccount();
    const client = await t.signedInAs([role]);
    expect((await client.patch(`/api/accounts/${account.id}`, { notes: 'hi' })).statusCode).toBe(403);
  });

  it('lets a relationship owner change the status of their own accounts only, and no other field', async () => {
    const mine = await newAccount({ ownerUserId: owner.userId });
    const theirs = await newAccount({ ownerUserId: (await createUser(t.deps.db, { roles: ['owner'] })).id });
    const own = await owner.patch(`/api/accounts/${mine.id}`, { referenceStatus: 'restricted', restrictionReason: 'Renewal at risk', notes: 'Q3' });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ referenceStatus: 'restricted', restrictionReason: 'Renewal at risk', notes: 'Q3' });
    expect((await owner.patch(`/api/accounts/${theirs.id}`, { referenceStatus: 'not_referenceable' })).statusCode).toBe(403);
    const otherFields = await owner.patch(`/api/accounts/${mine.id}`, { notes: 'ok', name: 'Renamed', seats: 3 });
    expect(otherFields.statusCode).toBe(403);
    expect(otherFields.json().detail).toMatch(/not name, seats/);
    expect((await admin.get(`/api/accounts/${mine.id}`)).json()).toMatchObject({ name: mine.name, notes: 'Q3' });
  });

  it('answers 404 for an account that does not exist', async () => {
    const missing = '/api/accounts/00000000-0000-4000-8000-000000000000';
    expect((await admin.get(missing)).statusCode).toBe(404);
    expect((await admin.patch(missing, { notes: 'x' })).statusCode).toBe(404);
  });
});

describe('creating and changing accounts', () => {
  it('stores every field and presents bands, the owner and advocate counts', async () => {
    const body = {
      name: `  ${unique('Globex')}  `,
      industryKey: 'banking',
      annualRevenueUsd: 75_000_000,
      employeeCount: 1200,
      hqCountry: 'fr',
      productKeys: ['insights_cloud', 'insights_cloud'],
      useCaseKeys: ['embedded_analytics'],
      deployment: 'cloud',
      customerSince: '2020-01-15',
      goLiveDate: '2020-06-01',
      seats: 250,
      ownerUserId: owner.userId,
      usageCap: 4.5,
      crmId: unique('CRM'),
      notes: 'Flagship',
    };
    const created = await admin.post('/api/accounts', body);
    expect(created.statusCode, created.body).toBe(201);
    const account = created.json();
    expect(account).toMatchObject({
      name: body.name.trim(),
      hqCountry: 'FR',
      productKeys: ['insights_cloud'],
      revenueBand: 'revenue_50000000',
      companySize: 'employees_1000',
      referenceStatus: 'referenceable',
      usageCap: 4.5,
      owner: { id: owner.userId },
    });
    for (const [firstName, status] of [['Ana', 'active'], ['Bo', 'active'], ['Cy', 'paused']] as const) {
      await t.deps.db.insert(advocates).values({ accountId: account.id, firstName, lastName: 'Test', status });
    }
    const detail = (await admin.get(`/api/accounts/${account.id}`)).json();
    expect(detail.advocateCount).toBe(3);
    expect(detail.advocatesByStatus).toMatchObject({ active: 2, paused: 1, nominated: 0 });
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, account.id));
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([['account.created', admin.userId]]);
  });

  it('lists every bad field at once', async () => {
    const seller = await createUser(t.deps.db, { roles: ['sales'] });
    const res = await admin.post('/api/accounts', {
      name: unique('Invalid'),
      industryKey: 'not_an_industry',
      hqCountry: 'ZZ',
      productKeys: ['insights_cloud', 'teleportation'],
      ownerUserId: seller.id,
      referenceStatus: 'restricted',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['hqCountry', 'industryKey', 'ownerUserId', 'productKeys.1', 'restrictionReason']);
    expect(res.json().errors).toContainEqual({ field: 'ownerUserId', reason: 'must be an active relationship owner' });
    const shape = await admin.post('/api/accounts', { name: '', employeeCount: 0, annualRevenueUsd: -1, seats: -2, goLiveDate: '2024-13-01' });
    expect(fieldsOf(shape.json())).toEqual(['annualRevenueUsd', 'employeeCount', 'goLiveDate', 'name', 'seats']);
    const dates = await admin.post('/api/accounts', { name: unique('Dates'), customerSince: '2022-05-01', goLiveDate: '2022-04-30' });
    expect(fieldsOf(dates.json())).toEqual(['goLiveDate']);
    const gone = await createUser(t.deps.db, { roles: ['owner'], status: 'deactivated' });
    expect(fieldsOf((await admin.post('/api/accounts', { name: unique('Gone'), ownerUserId: gone.id })).json())).toEqual(['ownerUserId']);
  });

  it('checks a change against the stored account (restriction reason, dates)', async () => {
    const account = await newAccount({ customerSince: '2021-01-01' });
    const url = `/api/accounts/${account.id}`;
    expect(fieldsOf((await admin.patch(url, { referenceStatus: 'restricted' })).json())).toEqual(['restrictionReason']);
    expect(fieldsOf((await admin.patch(url, { goLiveDate: '2020-12-31' })).json())).toEqual(['goLiveDate']);
    expect((await admin.patch(url, { referenceStatus: 'restricted', restrictionReason: 'Legal hold' })).statusCode).toBe(200);
    expect(fieldsOf((await admin.patch(url, { restrictionReason: '  ' })).json())).toEqual(['restrictionReason']);
    expect((await admin.patch(url, { email: 'x@example.com' })).statusCode).toBe(400);
  });

  it('refuses a CRM id already in use with 409 naming the other account', async () => {
    const crmId = unique('SF');
    const first = await newAccount({ crmId });
    const clash = await admin.post('/api/accounts', { name: unique('Clash'), crmId });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors[0].field).toBe('crmId');
    expect(clash.json().detail).toContain(first.id);
    const other = await newAccount();
    const patched = await admin.patch(`/api/accounts/${other.id}`, { crmId });
    expect(patched.statusCode).toBe(409);
    expect(patched.json().detail).toContain(first.id);
    expect((await admin.patch(`/api/accounts/${first.id}`, { crmId, notes: 'same id is fine' })).statusCode).toBe(200);
  });

  it('flags a likely duplicate name unless told to create it anyway', async () => {
    const name = unique('Initech');
    await newAccount({ name });
    const again = await admin.post('/api/accounts', { name: `  ${name.toUpperCase()} ` });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'name', reason: 'An account with this name exists' }]);
    expect((await admin.post('/api/accounts', { name: name.toUpperCase(), allowDuplicateName: true })).statusCode).toBe(201);
  });

  it('audits the names of the fields that changed', async () => {
    const account = await newAccount({ seats: 10 });
    const res = await admin.patch(`/api/accounts/${account.id}`, { name: account.name, seats: 20, notes: 'Expanded', industryKey: 'software' });
    expect(res.statusCode).toBe(200);
    expect(await admin.patch(`/api/accounts/${account.id}`, { seats: 20 }).then((r) => r.statusCode)).toBe(200);
    expect((await admin.patch(`/api/accounts/${account.id}`, { industryKey: null })).json().industryKey).toBeNull();
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, account.id), eq(auditEvents.action, 'account.updated')))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.details)).toEqual([{ changed: ['industryKey', 'seats', 'notes'] }, { changed: ['industryKey'] }]);
    expect(events[0]?.actorUserId).toBe(admin.userId);
  });
});

describe('finding accounts', () => {
  it('filters by name, sector or industry, country, owner and status', async () => {
    const marker = unique('Filter').replace(' ', '');
    const otherOwner = await createUser(t.deps.db, { roles: ['owner'] });
    const bank = await newAccount({ name: `${marker} Bank`, industryKey: 'banking', hqCountry: 'FR', ownerUserId: owner.userId });
    const insurer = await newAccount({ name: `${marker} Insurer 50%`, industryKey: 'insurance', hqCountry: 'US', ownerUserId: otherOwner.id });
    const soft = await newAccount({
      name: `${marker} Soft`,
      industryKey: 'software',
      hqCountry: 'FR',
      referenceStatus: 'restricted',
      restrictionReason: 'Churn risk',
    });
    const names = async (query: string) =>
      (await admin.get(`/api/accounts?q=${encodeURIComponent(marker)}${query}`)).json<{ items: AccountJson[] }>().items.map((a) => a.id);
    expect(await names('')).toEqual([bank.id, insurer.id, soft.id]);
    expect(await names('&industry=financial_services')).toEqual([bank.id, insurer.id]);
    expect(await names('&industry=banking')).toEqual([bank.id]);
    expect(await names('&country=fr')).toEqual([bank.id, soft.id]);
    expect(await names(`&ownerId=${owner.userId}`)).toEqual([bank.id]);
    expect(await names('&referenceStatus=restricted')).toEqual([soft.id]);
    expect((await admin.get(`/api/accounts?q=${encodeURIComponent(`${marker} Insurer 50%`)}`)).json().items).toHaveLength(1);
    expect((await admin.get(`/api/accounts?q=${encodeURIComponent(`${marker}%Soft`)}`)).json().items).toHaveLength(0);
    const listed = (await admin.get(`/api/accounts?q=${encodeURIComponent(marker)}&ownerId=${owner.userId}`)).json().items[0];
    expect(listed.owner).toMatchObject({ id: owner.userId, email: expect.any(String) });
  });

  it('pages through accounts by name with a keyset cursor, without repeats', async () => {
    const marker = unique('Page').replace(' ', '');
    const suffixes = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo', 'alpha', 'Foxtrot'];
    for (const s of suffixes) await newAccount({ name: `${marker} ${s}`, allowDuplicateName: true });
    const seen: AccountJson[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await admin.get(`/api/accounts?q=${marker}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const page = res.json<{ items: AccountJson[]; nextCursor: string | null }>();
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen.map((a) => a.id)).size).toBe(7);
    const lowered = seen.map((a) => a.name.toLowerCase().split(' ')[1]);
    expect(lowered).toEqual(['alpha', 'alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot']);
    expect((await admin.get('/api/accounts?cursor=not-a-cursor')).json().errors[0].field).toBe('query.cursor');
    expect((await admin.get('/api/accounts?limit=201')).statusCode).toBe(400);
  });
});
