import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, inArray } from 'drizzle-orm';
import { accounts, advocates, auditEvents, taxonomyValues, type AdvocateRow } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
let admin: ApiClient;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  const [account] = await t.deps.db.insert(accounts).values({ name: 'Merge Holdings' }).returning();
  if (!account) throw new Error('no account');
  accountId = account.id;
});
afterAll(() => t.close());

interface Value {
  id: string;
  key: string;
  label: string;
  status: string;
  mergedIntoKey: string | null;
}

let counter = 0;
async function add(facet: string, body: object = {}): Promise<Value> {
  const res = await admin.post(`/api/taxonomy/${facet}`, { label: `Merge ${facet} ${++counter}`, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Value>();
}

async function addAdvocate(values: Partial<typeof advocates.$inferInsert>): Promise<AdvocateRow> {
  const [row] = await t.deps.db.insert(advocates).values({ accountId, firstName: 'Test', lastName: `Advocate ${++counter}`, ...values }).returning();
  if (!row) throw new Error('no advocate');
  return row;
}

async function advocate(id: string): Promise<AdvocateRow | undefined> {
  const [row] = await t.deps.db.select().from(advocates).where(eq(advocates.id, id));
  return row;
}

describe('merging taxonomy values', () => {
  it('rewrites single-valued columns on accounts and advocates, and reports the counts', async () => {
    const from = await add('industry', { parentKey: 'information_technology' });
    const to = await add('industry', { parentKey: 'information_technology' });
    const rows = await t.deps.db
      .insert(accounts)
      .values([{ name: 'A', industryKey: from.key }, { name: 'B', industryKey: from.key }, { name: 'C', industryKey: to.key }, { name: 'D', industryKey: 'banking' }])
      .returning();
    const res = await admin.post(`/api/taxonomy-values/${from.id}/merge`, { intoId: to.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ value: { id: to.id, key: to.key, status: 'live' }, rewritten: { accounts: 2, advocates: 0 } });
    const after = await t.deps.db.select().from(accounts).where(inArray(accounts.id, rows.map((r) => r.id)));
    expect(after.map((a) => a.industryKey).sort()).toEqual(['banking', to.key, to.key, to.key].sort());

    const merged = (await admin.get('/api/taxonomy/industry?includeRetired=true')).json().items.find((v: Value) => v.id === from.id);
    expect(merged).toMatchObject({ status: 'merged', mergedIntoKey: to.key });
    expect((await admin.get('/api/taxonomy/industry')).json().items.some((v: Value) => v.id === from.id)).toBe(false);
    const [event] = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, from.id), eq(auditEvents.action, 'taxonomy.values_merged')));
    expect(event?.actorUserId).toBe(admin.userId);
    expect(event?.details).toMatchObject({ facet: 'industry', from: { key: from.key }, into: { key: to.key }, rewritten: { accounts: 2, advocates: 0 } });
  });

  it('rewrites countries on both tables', async () => {
    const from = await add('country', { key: 'QY' });
    const to = await add('country', { key: 'QX' });
    const [account] = await t.deps.db.insert(accounts).values({ name: 'Country Co', hqCountry: from.key }).returning();
    const person = await addAdvocate({ country: from.key });
    const res = await admin.post(`/api/taxonomy-values/${from.id}/merge`, { intoId: to.id });
    expect(res.json().rewritten).toEqual({ accounts: 1, advocates: 1 });
    expect((await advocate(person.id))?.country).toBe(to.key);
    const [accountAfter] = await t.deps.db.select().from(accounts).where(eq(accounts.id, account?.id ?? ''));
    expect(accountAfter?.hqCountry).toBe(to.key);
  });

  it('replaces keys in arrays without duplicates, keeping the order of first occurrence', async () => {
    const from = await add('topic');
    const to = await add('topic');
    const both = await addAdvocate({ topicKeys: ['roi', from.key, 'security', to.key] });
    const targetFirst = await addAdvocate({ topicKeys: [to.key, 'roi', from.key] });
    const onlySource = await addAdvocate({ topicKeys: [from.key, 'migration'] });
    const untouched = await addAdvocate({ topicKeys: ['roi'] });
    const res = await admin.post(`/api/taxonomy-values/${from.id}/merge`, { intoId: to.id });
    expect(res.json().rewritten).toEqual({ accounts: 0, advocates: 3 });
    expect((await advocate(both.id))?.topicKeys).toEqual(['roi', to.key, 'security']);
    expect((await advocate(targetFirst.id))?.topicKeys).toEqual([to.key, 'roi']);
    expect((await advocate(onlySource.id))?.topicKeys).toEqual([to.key, 'migration']);
    const still = await advocate(untouched.id);
    expect(still?.topicKeys).toEqual(['roi']);
    expect(still?.updatedAt).toEqual(untouched.updatedAt);
  });

  it('moves willingness to the surviving activity type unless it already has an answer', async () => {
    const attributes = { weight: 1, teams: ['sales'] };
    const from = await add('activity_type', { attributes });
    const to = await add('activity_type', { attributes });
    const moved = await addAdvocate({ willingness: { [from.key]: 'no', reference_call: 'yes' } });
    const kept = await addAdvocate({ willingness: { [from.key]: 'no', [to.key]: 'yes' } });
    const res = await admin.post(`/api/taxonomy-values/${from.id}/merge`, { intoId: to.id });
    expect(res.json().rewritten).toEqual({ accounts: 0, advocates: 2 });
    expect((await advocate(moved.id))?.willingness).toEqual({ [to.key]: 'no', reference_call: 'yes' });
    expect((await advocate(kept.id))?.willingness).toEqual({ [to.key]: 'yes' });
  });

  it('re-parents the children of a merged sector under the surviving one', async () => {
    const from = await add('industry');
    const to = await add('industry');
    const child = await add('industry', { parentKey: from.key });
    expect((await admin.post(`/api/taxonomy-values/${from.id}/merge`, { intoId: to.id })).statusCode).toBe(200);
    const [row] = await t.deps.db.select().from(taxonomyValues).where(eq(taxonomyValues.id, child.id));
    expect(row?.parentKey).toBe(to.key);
    // A sector with values under it cannot fold into a leaf: that would make three levels.
    const leaf = await add('industry', { parentKey: to.key });
    const refused = await admin.post(`/api/taxonomy-values/${to.id}/merge`, { intoId: leaf.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('intoId');
  });

  it('refuses merges across facets, into itself, into a retired value, or twice', async () => {
    const topic = await add('topic');
    const other = await add('topic');
    const crossFacet = await admin.post(`/api/taxonomy-values/${topic.id}/merge`, { intoId: (await add('use_case')).id });
    expect(crossFacet.statusCode).toBe(400);
    expect(crossFacet.json().errors[0]).toMatchObject({ field: 'intoId' });
    expect((await admin.post(`/api/taxonomy-values/${topic.id}/merge`, { intoId: topic.id })).statusCode).toBe(400);
    const retired = await add('topic');
    await admin.post(`/api/taxonomy-values/${retired.id}/retire`);
    expect((await admin.post(`/api/taxonomy-values/${topic.id}/merge`, { intoId: retired.id })).statusCode).toBe(400);
    expect((await admin.post(`/api/taxonomy-values/${topic.id}/merge`, { intoId: other.id })).statusCode).toBe(200);
    expect((await admin.post(`/api/taxonomy-values/${topic.id}/merge`, { intoId: (await add('topic')).id })).statusCode).toBe(409);
    expect((await admin.post(`/api/taxonomy-values/${topic.id}/restore`)).statusCode).toBe(409);
    expect((await admin.post('/api/taxonomy-values/00000000-0000-4000-8000-000000000000/merge', { intoId: other.id })).statusCode).toBe(404);
  });
});

describe('merge property', () => {
  it('leaves every topic set as (old − {A}) ∪ ({B} if A or B was there), without duplicates', async () => {
    const others = ['implementation', 'roi', 'security'];
    // Indexes 0 and 1 stand for A and B, created fresh for each run.
    const topicSets = fc.array(fc.uniqueArray(fc.integer({ min: 0, max: others.length + 1 }), { maxLength: others.length + 2 }), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(topicSets, async (sets) => {
        const a = await add('topic');
        const b = await add('topic');
        const pool = [a.key, b.key, ...others];
        const rows = await Promise.all(sets.map((set) => addAdvocate({ topicKeys: set.map((i) => pool[i] ?? 'roi') })));
        const res = await admin.post(`/api/taxonomy-values/${a.id}/merge`, { intoId: b.id });
        expect(res.statusCode).toBe(200);
        expect(res.json().rewritten.advocates).toBe(rows.filter((r) => r.topicKeys.includes(a.key)).length);
        for (const before of rows) {
          const after = (await advocate(before.id))?.topicKeys ?? [];
          const expected = new Set(before.topicKeys.filter((k) => k !== a.key));
          if (before.topicKeys.includes(a.key) || before.topicKeys.includes(b.key)) expected.add(b.key);
          expect(new Set(after)).toEqual(expected);
          expect(after).toHaveLength(new Set(after).size);
        }
      }),
      { numRuns: 25 },
    );
  });
});
