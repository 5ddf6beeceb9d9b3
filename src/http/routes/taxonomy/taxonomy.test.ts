import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { accounts, advocates, auditEvents } from '../../../db/schema/index.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import { FACETS } from '../../../domain/taxonomy/types.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

const NON_ADMIN_ROLES = ROLES.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin');
const ANY_ID = '00000000-0000-4000-8000-000000000000';

interface Value {
  id: string;
  key: string;
  label: string;
  parentKey: string | null;
  status: string;
  attributes: Record<string, unknown>;
  usage?: number;
}

let counter = 0;
async function addTopic(label = `Topic ${++counter} ${Date.now()}`): Promise<Value> {
  const res = await admin.post('/api/taxonomy/topic', { label });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Value>();
}

async function list(facet: string, query = ''): Promise<Value[]> {
  const res = await admin.get(`/api/taxonomy/${facet}${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Value[] }>().items;
}

async function auditActions(targetId: string): Promise<string[]> {
  return (await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, targetId))).map((e) => e.action);
}

describe('who may read and change the taxonomy', () => {
  it('refuses anonymous callers with 401', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/taxonomy', undefined],
      ['GET', '/api/taxonomy/topic', undefined],
      ['POST', '/api/taxonomy/topic', { label: 'X' }],
      ['PATCH', `/api/taxonomy-values/${ANY_ID}`, { label: 'X' }],
      ['POST', `/api/taxonomy-values/${ANY_ID}/retire`, {}],
      ['POST', `/api/taxonomy-values/${ANY_ID}/restore`, {}],
      ['POST', `/api/taxonomy-values/${ANY_ID}/merge`, { intoId: ANY_ID }],
    ] as const) {
      const res = await t.client().request({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it.each(ROLES)('lets the %s role read every facet', async (role) => {
    const client = await t.signedInAs([role]);
    const facets = await client.get('/api/taxonomy');
    expect(facets.statusCode).toBe(200);
    expect(facets.json().items.find((f: { facet: string }) => f.facet === 'industry').live).toBeGreaterThan(50);
    const industries = await client.get('/api/taxonomy/industry?includeRetired=true');
    expect(industries.statusCode).toBe(200);
    expect(industries.json().items.length).toBeGreaterThan(50);
    expect((await client.get('/api/taxonomy/topic?withUsage=true')).statusCode).toBe(role === 'admin' ? 200 : 403);
  });

  it.each(NON_ADMIN_ROLES)('refuses the %s role with 403 on every change', async (role) => {
    const client = await t.signedInAs([role]);
    const value = await addTopic();
    const other = await addTopic();
    expect((await client.post('/api/taxonomy/topic', { label: 'Sneaky' })).statusCode).toBe(403);
    expect((await client.patch(`/api/taxonomy-values/${value.id}`, { label: 'Sneaky' })).statusCode).toBe(403);
    expect((await client.post(`/api/taxonomy-values/${value.id}/retire`)).statusCode).toBe(403);
    expect((await client.post(`/api/taxonomy-values/${value.id}/restore`)).statusCode).toBe(403);
    expect((await client.post(`/api/taxonomy-values/${value.id}/merge`, { intoId: other.id })).statusCode).toBe(403);
    expect((await list('topic')).find((v) => v.id === value.id)?.label).toBe(value.label);
  });
});

describe('reading the taxonomy', () => {
  it('summarises every facet and lists values in display order, two levels deep', async () => {
    const facets = (await admin.get('/api/taxonomy')).json().items as { facet: string; live: number; retired: number }[];
    expect(facets.map((f) => f.facet)).toEqual([...FACETS]);
    const industries = await list('industry');
    expect(industries[0]).toMatchObject({ key: 'information_technology', parentKey: null, status: 'live', attributes: { level: 'sector' } });
    expect(industries[1]).toMatchObject({ key: 'software', parentKey: 'information_technology' });
    expect((await list('activity_type')).find((v) => v.key === 'reference_call')?.attributes).toEqual({ weight: 1, teams: ['sales'] });
  });

  it('answers 400 naming params.facet for an unknown facet, and for a bad flag', async () => {
    const res = await admin.get('/api/taxonomy/colour');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('params.facet');
    expect((await admin.get('/api/taxonomy/topic?includeRetired=maybe')).json().errors[0].field).toBe('query.includeRetired');
  });

  it('counts the accounts and advocates using each key, for admins', async () => {
    const topic = await addTopic();
    const [account] = await t.deps.db.insert(accounts).values({ name: 'Usage Co', productKeys: ['insights_cloud'] }).returning();
    if (!account) throw new Error('no account');
    await t.deps.db.insert(advocates).values([
      { accountId: account.id, firstName: 'Ada', lastName: 'One', topicKeys: [topic.key, 'roi'], productKeys: ['insights_cloud'] },
      { accountId: account.id, firstName: 'Bo', lastName: 'Two', topicKeys: [topic.key] },
    ]);
    const topics = await list('topic', '?withUsage=true');
    expect(topics.find((v) => v.key === topic.key)?.usage).toBe(2);
    expect(topics.every((v) => typeof v.usage === 'number')).toBe(true);
    const products = await list('product', '?withUsage=true');
    expect(products.find((v) => v.key === 'insights_cloud')?.usage).toBeGreaterThanOrEqual(2);
    expect((await list('topic')).every((v) => v.usage === undefined)).toBe(true);
  });
});

describe('adding values', () => {
  it('derives the key from the label, appends the value and audits it', async () => {
    const res = await admin.post('/api/taxonomy/topic', { label: '  Data Mesh & Governance ' });
    expect(res.statusCode).toBe(201);
    const value = res.json<Value>();
    expect(value).toMatchObject({ key: 'data_mesh_and_governance', label: 'Data Mesh & Governance', status: 'live', parentKey: null, mergedIntoKey: null });
    const topics = await list('topic');
    expect(topics.at(-1)?.id).toBe(value.id);
    expect(await auditActions(value.id)).toEqual(['taxonomy.value_added']);
  });

  it('refuses a duplicate key or live label with 409 naming the field', async () => {
    const dupKey = await admin.post('/api/taxonomy/topic', { label: 'Implementation again', key: 'implementation' });
    expect(dupKey.statusCode).toBe(409);
    expect(dupKey.json().errors[0].field).toBe('key');
    const dupLabel = await admin.post('/api/taxonomy/topic', { label: 'IMPLEMENTATION', key: 'implementation_2' });
    expect(dupLabel.statusCode).toBe(409);
    expect(dupLabel.json().errors[0].field).toBe('label');
    const badKey = await admin.post('/api/taxonomy/topic', { label: 'Fine', key: 'Not A Key' });
    expect(badKey.json().errors[0].field).toBe('key');
    expect((await admin.post('/api/taxonomy/topic', { label: '' })).json().errors[0].field).toBe('label');
    expect((await admin.post('/api/taxonomy/topic', { label: 'x'.repeat(121) })).json().errors[0].field).toBe('label');
  });

  it('accepts a live top-level parent only', async () => {
    const ok = await admin.post('/api/taxonomy/industry', { label: 'Quantum Computing', parentKey: 'information_technology' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ parentKey: 'information_technology', attributes: { level: 'industry' } });
    for (const parentKey of ['no_such_sector', 'software', 'roi']) {
      const res = await admin.post('/api/taxonomy/industry', { label: `Under ${parentKey}`, parentKey });
      expect(res.statusCode, parentKey).toBe(400);
      expect(res.json().errors[0].field).toBe('parentKey');
    }
  });

  it('validates activity type attributes', async () => {
    const cases: [object | undefined, string][] = [
      [undefined, 'attributes.weight'],
      [{ weight: 0, teams: [] }, 'attributes.weight'],
      [{ weight: 11, teams: [] }, 'attributes.weight'],
      [{ weight: 'heavy', teams: [] }, 'attributes.weight'],
      [{ weight: 2, teams: ['sales', 'wizards'] }, 'attributes.teams.1'],
    ];
    for (const [attributes, field] of cases) {
      const res = await admin.post('/api/taxonomy/activity_type', { label: 'Podcast guest', attributes });
      expect(res.statusCode, JSON.stringify(attributes)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    const ok = await admin.post('/api/taxonomy/activity_type', { label: 'Podcast guest', attributes: { weight: 1.5, teams: ['pr'] } });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().attributes).toEqual({ weight: 1.5, teams: ['pr'] });
  });

  it('needs an ISO alpha-2 key for a country', async () => {
    expect((await admin.post('/api/taxonomy/country', { label: 'Atlantis' })).json().errors[0].field).toBe('key');
    expect((await admin.post('/api/taxonomy/country', { label: 'Atlantis', key: 'at1' })).json().errors[0].field).toBe('key');
    const ok = await admin.post('/api/taxonomy/country', { label: 'Atlantis', key: 'QZ' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().key).toBe('QZ');
  });
});

describe('renaming, retiring and restoring', () => {
  it('renames without touching records, and audits the change', async () => {
    const topic = await addTopic();
    const [account] = await t.deps.db.insert(accounts).values({ name: 'Rename Co' }).returning();
    if (!account) throw new Error('no account');
    const [advocate] = await t.deps.db.insert(advocates).values({ accountId: account.id, firstName: 'Cy', lastName: 'Three', topicKeys: [topic.key] }).returning();
    const res = await admin.patch(`/api/taxonomy-values/${topic.id}`, { label: 'Renamed topic', sortOrder: 999 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ key: topic.key, label: 'Renamed topic', status: 'live' });
    const [after] = await t.deps.db.select().from(advocates).where(eq(advocates.id, advocate?.id ?? ''));
    expect(after?.topicKeys).toEqual([topic.key]);
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, topic.id), eq(auditEvents.action, 'taxonomy.value_updated')));
    expect(event?.details).toMatchObject({ changes: { label: { from: topic.label, to: 'Renamed topic' } } });
    expect((await admin.patch(`/api/taxonomy-values/${topic.id}`, { label: 'roi' })).statusCode).toBe(409);
    expect((await admin.patch(`/api/taxonomy-values/${topic.id}`, { key: 'new_key' })).statusCode).toBe(400);
    expect((await admin.patch(`/api/taxonomy-values/${ANY_ID}`, { label: 'Ghost' })).statusCode).toBe(404);
  });

  it('hides a retired value from the default list while records keep its key; restore brings it back', async () => {
    const topic = await addTopic();
    const [account] = await t.deps.db.insert(accounts).values({ name: 'Retire Co' }).returning();
    if (!account) throw new Error('no account');
    const [advocate] = await t.deps.db.insert(advocates).values({ accountId: account.id, firstName: 'Di', lastName: 'Four', topicKeys: ['roi', topic.key] }).returning();
    const retired = await admin.post(`/api/taxonomy-values/${topic.id}/retire`);
    expect(retired.json()).toMatchObject({ status: 'retired' });
    expect((await list('topic')).some((v) => v.id === topic.id)).toBe(false);
    expect((await list('topic', '?includeRetired=true')).find((v) => v.id === topic.id)?.status).toBe('retired');
    const [after] = await t.deps.db.select().from(advocates).where(eq(advocates.id, advocate?.id ?? ''));
    expect(after?.topicKeys).toEqual(['roi', topic.key]);
    // A new value may take the retired label; the retired one then cannot come back under it.
    const namesake = (await admin.post('/api/taxonomy/topic', { label: topic.label, key: `${topic.key}_new` })).json<Value>();
    expect((await admin.post(`/api/taxonomy-values/${topic.id}/restore`)).statusCode).toBe(409);
    await admin.post(`/api/taxonomy-values/${namesake.id}/retire`);
    expect((await admin.post(`/api/taxonomy-values/${topic.id}/restore`)).json().status).toBe('live');
    expect((await list('topic')).some((v) => v.id === topic.id)).toBe(true);
    expect(await auditActions(topic.id)).toEqual(['taxonomy.value_added', 'taxonomy.value_retired', 'taxonomy.value_restored']);
  });

  it('refuses to retire a sector that still has live values under it', async () => {
    const sector = (await admin.post('/api/taxonomy/industry', { label: 'Space Economy' })).json<Value>();
    const child = (await admin.post('/api/taxonomy/industry', { label: 'Satellite Operators', parentKey: sector.key })).json<Value>();
    const refused = await admin.post(`/api/taxonomy-values/${sector.id}/retire`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('retire them or move them');
    expect((await admin.post(`/api/taxonomy-values/${child.id}/retire`)).statusCode).toBe(200);
    expect((await admin.post(`/api/taxonomy-values/${sector.id}/retire`)).statusCode).toBe(200);
    // The child cannot come back under a retired parent.
    expect((await admin.post(`/api/taxonomy-values/${child.id}/restore`)).statusCode).toBe(409);
  });

  it('publishes the schemas in OpenAPI', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/taxonomy', '/api/taxonomy/{facet}', '/api/taxonomy-values/{id}/merge']));
    expect(JSON.stringify(doc.paths['/api/taxonomy/{facet}'].get.responses['200'])).toContain('#/components/schemas/TaxonomyValue');
  });
});
