import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../../db/schema/index.js';
import { countryFacts } from '../../../domain/taxonomy/geography.js';
import { generateProgram, type GeneratedAdvocate } from '../../../seed/generate-program.js';
import { insertProgram } from '../../../seed/insert-program.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';

let t: TestApp;
let seller: ApiClient;
let program: ReturnType<typeof generateProgram>;
beforeAll(async () => {
  t = await createTestApp();
  const owner = await createUser(t.deps.db, { roles: ['owner'] });
  program = generateProgram({ seed: 7, accounts: 60, ownerUserIds: [owner.id], now: t.clock.now() });
  await insertProgram(t.deps.db, program);
  seller = await t.signedInAs(['sales']);
});
afterAll(() => t.close());

interface SearchBody {
  items: { advocate: { id: string; lastName: string; status: string; topicKeys: string[] }; account: { name: string }; rank: number | null }[];
  nextCursor: string | null;
  total: number;
  facets: Record<string, { key: string; count: number }[]>;
}
const search = async (query: string) => {
  const res = await seller.get(`/api/advocates/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SearchBody>();
};
const countBy = (rows: GeneratedAdvocate[], key: (a: GeneratedAdvocate) => string[]) => {
  const counts = new Map<string, number>();
  for (const row of rows) for (const k of key(row)) counts.set(k, (counts.get(k) ?? 0) + 1);
  return Object.fromEntries(counts);
};
const asMap = (counts: { key: string; count: number }[]) => Object.fromEntries(counts.map((c) => [c.key, c.count]));
const active = () => program.advocates.filter((a) => a.status === 'active');

describe('advocate search', () => {
  it('shows active advocates by default, with status counts across every status', async () => {
    const body = await search('limit=5');
    expect(body.total).toBe(active().length);
    expect(body.items.every((i) => i.advocate.status === 'active')).toBe(true);
    expect(asMap(body.facets.status ?? [])).toEqual(countBy(program.advocates, (a) => [a.status]));
  });

  it('combines facets with AND, values with OR, and counts each facet without its own filter', async () => {
    const body = await search('topic=security&topic=migration&seniority=vp&seniority=director&limit=100');
    const matches = active().filter((a) => (a.topicKeys.includes('security') || a.topicKeys.includes('migration')) && ['vp', 'director'].includes(a.seniorityKey));
    expect(body.total).toBe(matches.length);
    expect(new Set(body.items.map((i) => i.advocate.id))).toEqual(new Set(matches.map((m) => m.id)));
    const bySeniority = active().filter((a) => ['vp', 'director'].includes(a.seniorityKey));
    expect(asMap(body.facets.topic ?? [])).toEqual(countBy(bySeniority, (a) => a.topicKeys));
    const byTopic = active().filter((a) => a.topicKeys.includes('security') || a.topicKeys.includes('migration'));
    expect(asMap(body.facets.seniority ?? [])).toEqual(countBy(byTopic, (a) => [a.seniorityKey]));
  });

  it('filters by region, sector and willingness', async () => {
    const europe = await search('region=Europe&limit=100');
    expect(europe.total).toBe(active().filter((a) => countryFacts(a.country)?.region === 'Europe').length);
    const accountsById = new Map(program.accounts.map((a) => [a.id, a]));
    const finance = await search('industry=financial_services&limit=100');
    const financeIndustries = new Set(['banking', 'insurance', 'capital_markets_and_asset_management', 'payments_and_fintech', 'consumer_finance']);
    expect(finance.total).toBe(active().filter((a) => financeIndustries.has(accountsById.get(a.accountId)?.industryKey ?? '')).length);
    const willing = await search('activityType=case_study&limit=100');
    expect(willing.total).toBe(active().filter((a) => a.willingness.case_study === 'yes').length);
  });

  it('finds people by name prefix, account name and story words, best match first', async () => {
    const target = active()[3]!;
    const byPrefix = await search(`q=${encodeURIComponent(target.lastName.slice(0, 4))}&status=${target.status}`);
    expect(byPrefix.items.map((i) => i.advocate.id)).toContain(target.id);
    const account = program.accounts.find((a) => a.id === target.accountId)!;
    const byAccount = await search(`q=${encodeURIComponent(account.name)}&limit=50`);
    expect(byAccount.items.map((i) => i.advocate.id)).toContain(target.id);
    const byFullName = await search(`q=${encodeURIComponent(`${target.firstName} ${target.lastName}`)}`);
    expect(byFullName.items[0]?.advocate.id).toBe(target.id);
    expect(byFullName.items[0]?.rank).toBeGreaterThan(0);
  });

  it('pages through every result exactly once, in each sort order', async () => {
    for (const sort of ['name', 'freshness', 'relevance', 'last_used']) {
      const seen: string[] = [];
      const query = `sort=${sort}&q=${sort === 'relevance' ? 'implementation' : ''}&limit=7`;
      const { total } = await search(query);
      let cursor: string | null = null;
      do {
        const page: SearchBody = await search(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((i) => i.advocate.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.length, sort).toBe(total);
      expect(new Set(seen).size, sort).toBe(total);
    }
  });

  it('sorts by last use: never used first, then the longest rested; only held, planned and happened uses count', async () => {
    const [a, b, c, d] = active().slice(0, 4);
    const use = (advocate: GeneratedAdvocate, occursOn: string, status: 'held' | 'planned' | 'happened' | 'cancelled') => ({
      advocateId: advocate.id,
      accountId: advocate.accountId,
      activityTypeKey: 'reference_call',
      status,
      occursOn,
      weight: 1,
    });
    const inserted = await t.deps.db
      .insert(activities)
      .values([use(a!, '2026-03-01', 'happened'), use(a!, '2026-05-01', 'happened'), use(b!, '2026-04-01', 'planned'), use(c!, '2026-02-01', 'held'), use(d!, '2026-01-01', 'cancelled')])
      .returning({ id: activities.id, advocateId: activities.advocateId });
    const order = async () => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: SearchBody = await search(`sort=last_used&limit=50${cursor ? `&cursor=${cursor}` : ''}`);
        all.push(...page.items.map((i) => i.advocate.id));
        cursor = page.nextCursor;
      } while (cursor);
      return all.filter((id) => [a!.id, b!.id, c!.id, d!.id].includes(id));
    };
    // d's only use was cancelled, so d counts as never used and comes first.
    expect(await order()).toEqual([d!.id, c!.id, b!.id, a!.id]);
    // Cancelling c's booking frees c: the trigger keeps the sort key current.
    const cUse = inserted.find((row) => row.advocateId === c!.id)!;
    await t.deps.db.update(activities).set({ status: 'cancelled' }).where(eq(activities.id, cUse.id));
    const after = await order();
    expect(after.slice(2)).toEqual([b!.id, a!.id]);
    expect(new Set(after.slice(0, 2))).toEqual(new Set([c!.id, d!.id]));
  });

  it('never includes contact details, and refuses bad input with 400', async () => {
    const res = await seller.get('/api/advocates/search?limit=100&status=active,paused,retired');
    for (const advocate of program.advocates.slice(0, 50)) expect(res.body).not.toContain(advocate.email);
    expect((await seller.get('/api/advocates/search?limit=1000')).statusCode).toBe(400);
    expect((await seller.get('/api/advocates/search?sort=random')).statusCode).toBe(400);
    expect((await seller.get('/api/advocates/search?cursor=bogus')).statusCode).toBe(400);
    expect((await t.client().get('/api/advocates/search')).statusCode).toBe(401);
  });
});
