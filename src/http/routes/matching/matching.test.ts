import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, advocateBlackouts, advocates, opportunities } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount, createUser } from '../../../../test/helpers/factories.js';

interface Preview {
  candidates: { advocateId: string; name: string; score: number; willingness: string; factors: { factor: string; detail: string; contribution: number }[]; rules: { rule: string }[] }[];
  passingCount: number;
  passingCountExact: boolean;
  relaxations: { kind: string; label: string; extraCandidates: number; suggestion: string }[];
}

let t: TestApp;
let seller: ApiClient;
let ids: Record<string, string>;
let opportunityId: string;
let otherOpportunityId: string;
const inDays = (n: number) => new Date(t.clock.now().getTime() + n * 86_400_000).toISOString().slice(0, 10);

async function advocate(accountId: string, name: string, fields: Partial<typeof advocates.$inferInsert> = {}): Promise<string> {
  const [row] = await t.deps.db
    .insert(advocates)
    .values({
      accountId,
      firstName: name,
      lastName: 'Tester',
      email: `${name.toLowerCase()}-${randomBytes(3).toString('hex')}@customer.example`,
      phone: '+33 1 23 45 67 89',
      status: 'active',
      seniorityKey: 'vp',
      functionKey: 'it',
      country: 'DE',
      languageKeys: ['en', 'de'],
      topicKeys: ['security'],
      productKeys: ['insights_cloud'],
      willingness: { reference_call: 'yes' },
      lastVerifiedAt: t.clock.now(),
      ...fields,
    })
    .returning();
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  seller = await t.signedInAs(['sales']);
  const otherSeller = await createUser(t.deps.db, { roles: ['sales'] });
  const main = await createAccount(t.deps.db, { industryKey: 'banking', hqCountry: 'DE', employeeCount: 5_000 });
  const restricted = await createAccount(t.deps.db, { industryKey: 'banking', referenceStatus: 'restricted', restrictionReason: 'Renewal under negotiation' });
  const notReferenceable = await createAccount(t.deps.db, { referenceStatus: 'not_referenceable' });
  const competitor = await createAccount(t.deps.db, { industryKey: 'banking' });
  const busy = await createAccount(t.deps.db, { usageCap: 1 });
  ids = {
    fit: await advocate(main.id, 'Fiona'),
    askFirst: await advocate(main.id, 'Felix', { country: 'FR', willingness: {} }),
    paused: await advocate(main.id, 'Paula', { status: 'paused' }),
    refuses: await advocate(main.id, 'Rita', { willingness: { reference_call: 'no' } }),
    away: await advocate(main.id, 'Anton'),
    capped: await advocate(main.id, 'Carl', { personalCap: 1 }),
    resting: await advocate(main.id, 'Rosa'),
    usedOnDeal: await advocate(main.id, 'Ulla'),
    restricted: await advocate(restricted.id, 'Rene'),
    unreferenceable: await advocate(notReferenceable.id, 'Nora'),
    competitor: await advocate(competitor.id, 'Cora'),
    busyAccount: await advocate(busy.id, 'Bea'),
  };
  await t.deps.db.insert(advocateBlackouts).values({ advocateId: ids.away!, startsOn: inDays(3), endsOn: inDays(9), reason: 'Holiday' });
  const [deal] = await t.deps.db
    .insert(opportunities)
    .values({ name: 'Bank deal', prospectName: 'Prospect Bank', stageKey: 'evaluation', ownerUserId: seller.userId!, excludedAccountIds: [competitor.id] })
    .returning();
  const [otherDeal] = await t.deps.db.insert(opportunities).values({ name: 'Other deal', prospectName: 'Other', stageKey: 'evaluation', ownerUserId: otherSeller.id }).returning();
  opportunityId = deal!.id;
  otherOpportunityId = otherDeal!.id;
  const use = (advocateId: string, accountId: string, occursOn: string, extra: Partial<typeof activities.$inferInsert> = {}) => ({
    advocateId,
    accountId,
    activityTypeKey: 'reference_call',
    status: 'happened' as const,
    occursOn,
    weight: 1,
    ...extra,
  });
  await t.deps.db.insert(activities).values([
    use(ids.capped!, main.id, inDays(-100)),
    use(ids.resting!, main.id, inDays(15), { status: 'planned' }),
    use(ids.usedOnDeal!, main.id, inDays(-200), { opportunityId }),
    use(ids.busyAccount!, busy.id, inDays(-30)),
  ]);
});
afterAll(() => t.close());

const body = (extra: Record<string, unknown> = {}) => ({
  activityTypeKey: 'reference_call',
  neededBy: inDays(20),
  prospect: { industryKey: 'banking', employeeCount: 4_000, country: 'DE', contactSeniorityKey: 'vp', contactFunctionKey: 'it', productKeys: ['insights_cloud'] },
  criteria: [],
  topicKeys: ['security'],
  opportunityId,
  ...extra,
});
const preview = async (client: ApiClient, extra: Record<string, unknown> = {}) => {
  const res = await client.post('/api/matching/preview', body(extra));
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Preview>();
};
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0];

describe('POST /api/matching/preview', () => {
  it('refuses anonymous callers, relationship owners and executives', async () => {
    expect((await t.client().post('/api/matching/preview', body())).statusCode).toBe(401);
    for (const roles of [['owner'], ['exec'], ['owner', 'exec']] as const) {
      const client = await t.signedInAs([...roles]);
      expect((await client.post('/api/matching/preview', body({ opportunityId: null }))).statusCode, roles.join()).toBe(403);
    }
  });

  it('answers sales, marketing and admins (and an owner who also sells)', async () => {
    for (const roles of [['sales'], ['marketing'], ['admin'], ['owner', 'sales']] as const) {
      const client = await t.signedInAs([...roles]);
      expect((await client.post('/api/matching/preview', body({ opportunityId: null }))).statusCode, roles.join()).toBe(200);
    }
  });

  it('lets only those who may read the opportunity match for it', async () => {
    expect((await seller.post('/api/matching/preview', body({ opportunityId: otherOpportunityId }))).statusCode).toBe(403);
    expect((await (await t.signedInAs(['sales'])).post('/api/matching/preview', body())).statusCode).toBe(403);
    expect((await (await t.signedInAs(['marketing'])).post('/api/matching/preview', body({ opportunityId: otherOpportunityId }))).statusCode).toBe(200);
    expect((await (await t.signedInAs(['admin'])).post('/api/matching/preview', body({ opportunityId: otherOpportunityId }))).statusCode).toBe(200);
    expect((await seller.post('/api/matching/preview', body({ opportunityId: '00000000-0000-4000-8000-000000000000' }))).statusCode).toBe(404);
  });

  it('validates the request', async () => {
    const fields = async (payload: Record<string, unknown>) => {
      const res = await seller.post('/api/matching/preview', payload);
      expect(res.statusCode, res.body).toBe(400);
      return (res.json<{ errors?: { field: string }[] }>().errors ?? []).map((e) => e.field);
    };
    expect(await fields(body({ neededBy: 'tomorrow' }))).toContain('neededBy');
    expect(await fields(body({ criteria: [{ kind: 'shoe_size', values: ['42'], mustHave: true }] }))).toEqual(expect.arrayContaining([expect.stringContaining('criteria')]));
    expect(await fields(body({ activityTypeKey: 'karaoke' }))).toEqual(['activityTypeKey']);
    expect(await fields(body({ neededBy: inDays(-1) }))).toEqual(['neededBy']);
    expect((await seller.post('/api/matching/preview', body({ surprise: true }))).statusCode).toBe(400);
    expect((await seller.post('/api/matching/preview', body({ needed: 0 }))).statusCode).toBe(400);
  });

  it('keeps out everyone a hard rule excludes, and explains the rest', async () => {
    const result = await preview(seller);
    expect(result.candidates.map((c) => nameOf(c.advocateId)).sort()).toEqual(['askFirst', 'fit']);
    expect(result.passingCount).toBe(2);
    expect(result.passingCountExact).toBe(true);
    const [best, second] = result.candidates;
    expect(nameOf(best!.advocateId)).toBe('fit');
    expect(best!.score).toBeGreaterThan(second!.score);
    expect(best!.factors.find((f) => f.factor === 'geography')?.detail).toBe('Same country as the prospect: Germany');
    expect(best!.factors.find((f) => f.factor === 'industry')?.detail).toBe('Same industry as the prospect: Banking');
    expect(best!.rules.map((r) => r.rule)).toEqual(expect.arrayContaining(['active', 'willing', 'available', 'advocate_cap', 'account_cap', 'rest_period', 'referenceable', 'not_competitor', 'not_used_on_opportunity']));
    expect(second!.willingness).toBe('ask_first');
    expect(result.relaxations).toEqual([]);
  });

  it('says what to relax when too few pass, each rule with how many more it yields', async () => {
    const result = await preview(seller, { needed: 5 });
    const byKind = Object.fromEntries(result.relaxations.map((r) => [r.kind, r]));
    for (const kind of ['willing', 'available', 'advocate_cap', 'account_cap', 'rest_period', 'referenceable', 'not_competitor', 'not_used_on_opportunity']) {
      expect(byKind[kind]?.extraCandidates, kind).toBe(1);
    }
    expect(byKind.referenceable?.suggestion).toBe('1 advocate at restricted accounts (Renewal under negotiation); their relationship owner may make an exception.');
    expect(Object.keys(byKind)).not.toContain('active');
  });

  it('suggests the region when a country must-have leaves too few', async () => {
    const result = await preview(seller, { needed: 2, criteria: [{ kind: 'country', values: ['DE'], mustHave: true }] });
    expect(result.candidates.map((c) => nameOf(c.advocateId))).toEqual(['fit']);
    const country = result.relaxations.find((r) => r.kind === 'must_have:country');
    expect(country).toEqual({ kind: 'must_have:country', label: 'Must have: country Germany', extraCandidates: 1, suggestion: 'Only 1 in Germany; 1 more in Europe: ask for the region instead.' });
  });

  it('never returns contact details', async () => {
    const text = JSON.stringify(await preview(await t.signedInAs(['admin']), { needed: 5 }));
    expect(text).not.toMatch(/@customer\.example|\+33|"email"|"phone"/);
  });
});
