import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let seller: ApiClient;
let other: ApiClient;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  seller = await t.signedInAs(['sales']);
  other = await t.signedInAs(['sales']);
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

const query = { q: 'data platform', sort: 'relevance', filters: { topic: ['security', 'migration'], region: ['Europe'] } };
const del = (client: ApiClient, id: string) => client.request({ method: 'DELETE', url: `/api/saved-searches/${id}` });

async function save(client: ApiClient, name: string, body: object = query) {
  const res = await client.post('/api/saved-searches', { name, query: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; name: string; query: typeof query }>();
}

describe('saved searches', () => {
  it('saves, lists (own only, by name), renames, replaces the query and deletes', async () => {
    const saved = await save(seller, '  EU security VPs ');
    expect(saved).toMatchObject({ name: 'EU security VPs', query });
    await save(seller, 'apac finance', { filters: { region: ['Asia'], industry: ['financial_services', 'financial_services'], seniority: [] } });
    await save(other, 'Someone else’s');

    const list = await seller.get('/api/saved-searches');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { name: string; query: { filters: Record<string, string[]> } }[];
    expect(items.map((i) => i.name)).toEqual(['apac finance', 'EU security VPs']);
    // Stored tidy: no empty filters, each value once.
    expect(items[0]?.query).toEqual({ filters: { region: ['Asia'], industry: ['financial_services'] } });

    const renamed = await seller.patch(`/api/saved-searches/${saved.id}`, { name: 'Europe security' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Europe security', query });
    const replaced = await seller.patch(`/api/saved-searches/${saved.id}`, { query: { sort: 'name', filters: { country: ['FR'] } } });
    expect(replaced.json()).toMatchObject({ name: 'Europe security', query: { sort: 'name', filters: { country: ['FR'] } } });

    expect((await del(seller, saved.id)).statusCode).toBe(204);
    expect((await del(seller, saved.id)).statusCode).toBe(404);
    expect((await seller.get('/api/saved-searches')).json().items).toHaveLength(1);
  });

  it('refuses a second search with the same name (any case) with 409, but other people may use it', async () => {
    const first = await save(seller, 'Healthcare CIOs');
    const again = await seller.post('/api/saved-searches', { name: 'healthcare cios', query });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ field: 'name', reason: expect.stringContaining('already used') }]);
    await save(other, 'Healthcare CIOs');
    const second = await save(seller, 'Healthcare CTOs');
    const clash = await seller.patch(`/api/saved-searches/${second.id}`, { name: 'HEALTHCARE CIOS' });
    expect(clash.statusCode).toBe(409);
    // Renaming to its own name (another case) is fine.
    expect((await seller.patch(`/api/saved-searches/${first.id}`, { name: 'HEALTHCARE CIOs' })).statusCode).toBe(200);
  });

  it('validates names, facets and values with a reason per field', async () => {
    const bad = await seller.post('/api/saved-searches', { name: '', query: { sort: 'random', filters: { topic: 'security', bogus: ['x'] } } });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['name', 'query.filters.bogus', 'query.filters.topic', 'query.sort']);
    expect(bad.json().errors).toContainEqual({ field: 'query.filters.bogus', reason: expect.stringMatching(/^is not a search facet/) });
    expect((await seller.post('/api/saved-searches', { name: 'x' })).statusCode).toBe(400);
    expect((await seller.post('/api/saved-searches', { name: 'x', query: { filters: {} }, extra: 1 })).statusCode).toBe(400);
    const mine = await save(seller, 'To patch');
    expect((await seller.patch(`/api/saved-searches/${mine.id}`, {})).statusCode).toBe(400);
    expect((await seller.patch('/api/saved-searches/not-a-uuid', { name: 'y' })).statusCode).toBe(400);
  });

  it('never lets anyone, admins included, read, change or delete another person’s search (404)', async () => {
    const mine = await save(seller, 'Private list');
    for (const client of [other, admin]) {
      expect((await client.get('/api/saved-searches')).json().items.map((i: { id: string }) => i.id)).not.toContain(mine.id);
      expect((await client.patch(`/api/saved-searches/${mine.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
      expect((await client.patch(`/api/saved-searches/${mine.id}`, { query: { filters: {} } })).statusCode).toBe(404);
      expect((await del(client, mine.id)).statusCode).toBe(404);
    }
    const unchanged = (await seller.get('/api/saved-searches')).json().items.find((i: { id: string }) => i.id === mine.id);
    expect(unchanged).toMatchObject({ name: 'Private list', query });
    expect((await seller.patch('/api/saved-searches/00000000-0000-4000-8000-000000000000', { name: 'z' })).statusCode).toBe(404);
  });

  it('is open to every internal role and closed to anonymous callers', async () => {
    const roles: Role[] = ['admin', 'sales', 'owner', 'marketing', 'exec'];
    for (const role of roles) {
      const client = await t.signedInAs([role]);
      const saved = await save(client, `${role} search`);
      expect((await client.get('/api/saved-searches')).json().items, role).toHaveLength(1);
      expect((await del(client, saved.id)).statusCode, role).toBe(204);
    }
    const anonymous = t.client();
    expect((await anonymous.get('/api/saved-searches')).statusCode).toBe(401);
    expect((await anonymous.post('/api/saved-searches', { name: 'x', query: { filters: {} } })).statusCode).toBe(401);
    const mine = await save(seller, 'Anon target');
    expect((await anonymous.patch(`/api/saved-searches/${mine.id}`, { name: 'x' })).statusCode).toBe(401);
    expect((await del(anonymous, mine.id)).statusCode).toBe(401);
  });
});
