import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, pipelineStages } from '../../../db/schema/index.js';
import { ROLES } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount, createUser } from '../../../../test/helpers/factories.js';

interface OpportunityJson {
  id: string;
  name: string;
  prospectName: string;
  stageKey: string;
  stage: { key: string; label: string; retired: boolean } | null;
  owner: { id: string } | null;
  amountUsd: number | null;
  closeDate: string | null;
  viewerCanEdit: boolean;
  readiness?: { activityTypeKey: string; ready: boolean; gaps: { kind: string; message: string }[] }[];
  meanwhile?: string[];
}

let t: TestApp;
let admin: ApiClient;
let seller: ApiClient;
let otherSeller: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  seller = await t.signedInAs(['sales']);
  otherSeller = await t.signedInAs(['sales']);
});
afterAll(() => t.close());

const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

async function newOpportunity(as: ApiClient, body: Record<string, unknown> = {}): Promise<OpportunityJson> {
  const res = await as.post('/api/opportunities', { name: unique('Deal'), prospectName: unique('Prospect'), stageKey: 'discovery', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<OpportunityJson>();
}

describe('who may read and change opportunities', () => {
  it('refuses anonymous callers with 401', async () => {
    const deal = await newOpportunity(seller);
    for (const [method, url] of [
      ['GET', '/api/opportunities'],
      ['GET', `/api/opportunities/${deal.id}`],
      ['POST', '/api/opportunities'],
      ['PATCH', `/api/opportunities/${deal.id}`],
    ] as const) {
      const payload = method === 'POST' ? { name: 'x', prospectName: 'y', stageKey: 'discovery' } : { notes: 'x' };
      const res = await t.client().request({ method, url, payload: method === 'GET' ? undefined : payload });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it.each(['admin', 'owner', 'marketing', 'exec'] as const)('lets the %s role list and read every opportunity, and change none unless admin', async (role) => {
    const deal = await newOpportunity(seller);
    const client = role === 'admin' ? admin : await t.signedInAs([role]);
    const list = await client.get(`/api/opportunities?ownerId=${seller.userId}&limit=200`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: OpportunityJson[] }>().items.map((o) => o.id)).toContain(deal.id);
    const one = await client.get(`/api/opportunities/${deal.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<OpportunityJson>().viewerCanEdit).toBe(role === 'admin');
    const patch = await client.patch(`/api/opportunities/${deal.id}`, { notes: 'Seen' });
    expect(patch.statusCode).toBe(role === 'admin' ? 200 : 403);
    if (role !== 'admin') expect((await client.post('/api/opportunities', { name: 'x', prospectName: 'y', stageKey: 'discovery' })).statusCode).toBe(403);
  });

  it('shows a seller only their own opportunities', async () => {
    const mine = await newOpportunity(seller);
    const theirs = await newOpportunity(otherSeller);
    const list = (await seller.get('/api/opportunities?limit=200')).json<{ items: OpportunityJson[] }>().items;
    expect(list.map((o) => o.id)).toContain(mine.id);
    expect(list.map((o) => o.id)).not.toContain(theirs.id);
    expect(list.every((o) => o.owner?.id === seller.userId && o.viewerCanEdit)).toBe(true);
    expect((await seller.get('/api/opportunities?ownerId=me')).statusCode).toBe(200);
    expect((await seller.get(`/api/opportunities?ownerId=${otherSeller.userId}`)).statusCode).toBe(403);
    expect((await seller.get(`/api/opportunities/${theirs.id}`)).statusCode).toBe(403);
    expect((await seller.get(`/api/opportunities/${mine.id}`)).json()).toMatchObject({ id: mine.id, viewerCanEdit: true });
  });

  it('lets a seller change their own opportunities only, and never hand one to someone else', async () => {
    const mine = await newOpportunity(seller);
    const theirs = await newOpportunity(otherSeller);
    const own = await seller.patch(`/api/opportunities/${mine.id}`, { stageKey: 'evaluation', decisionMakerBuyIn: true, ownerUserId: seller.userId });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ stageKey: 'evaluation', decisionMakerBuyIn: true });
    expect((await seller.patch(`/api/opportunities/${theirs.id}`, { notes: 'mine now' })).statusCode).toBe(403);
    const handOver = await seller.patch(`/api/opportunities/${mine.id}`, { ownerUserId: otherSeller.userId });
    expect(handOver.statusCode).toBe(403);
    expect(handOver.json().detail).toMatch(/Only admins change ownerUserId/);
    expect((await admin.get(`/api/opportunities/${theirs.id}`)).json()).toMatchObject({ notes: null, owner: { id: otherSeller.userId } });
  });

  it('lets a seller create only opportunities they own; admins create for any seller or admin', async () => {
    const forbidden = await seller.post('/api/opportunities', { name: 'x', prospectName: 'y', stageKey: 'discovery', ownerUserId: otherSeller.userId });
    expect(forbidden.statusCode).toBe(403);
    const own = await newOpportunity(seller);
    expect(own.owner?.id).toBe(seller.userId);
    const forSeller = await newOpportunity(admin, { ownerUserId: otherSeller.userId });
    expect(forSeller.owner?.id).toBe(otherSeller.userId);
    expect((await newOpportunity(admin)).owner?.id).toBe(admin.userId);
    const marketer = await createUser(t.deps.db, { roles: ['marketing'] });
    const gone = await createUser(t.deps.db, { roles: ['sales'], status: 'deactivated' });
    for (const ownerUserId of [marketer.id, gone.id]) {
      const res = await admin.post('/api/opportunities', { name: 'x', prospectName: 'y', stageKey: 'discovery', ownerUserId });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res.json())).toEqual(['ownerUserId']);
    }
  });

  it('lets an admin hand an opportunity to another seller', async () => {
    const deal = await newOpportunity(seller);
    const res = await admin.patch(`/api/opportunities/${deal.id}`, { ownerUserId: otherSeller.userId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ owner: { id: otherSeller.userId }, viewerCanEdit: true });
    expect((await seller.get(`/api/opportunities/${deal.id}`)).statusCode).toBe(403);
    expect((await otherSeller.get(`/api/opportunities/${deal.id}`)).statusCode).toBe(200);
  });

  it('answers 404 for an opportunity that does not exist, to every role that could see one', async () => {
    const missing = '/api/opportunities/00000000-0000-4000-8000-000000000000';
    for (const client of [admin, seller]) {
      expect((await client.get(missing)).statusCode).toBe(404);
      expect((await client.patch(missing, { notes: 'x' })).statusCode).toBe(404);
    }
    expect((await admin.get('/api/opportunities/not-a-uuid')).statusCode).toBe(400);
  });

  it.each(ROLES)('answers the %s role in problem+json when refused', async (role) => {
    const client = role === 'admin' ? admin : await t.signedInAs([role]);
    const res = await client.post('/api/opportunities', { name: 'x', prospectName: 'y', stageKey: 'nowhere' });
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.statusCode).toBe(role === 'admin' || role === 'sales' ? 400 : 403);
  });
});

describe('creating and changing opportunities', () => {
  it('stores every field and presents the stage, owner, bands and excluded accounts', async () => {
    const rival = await createAccount(t.deps.db, { name: unique('Rival customer') });
    const body = {
      name: `  ${unique('Globex expansion')} `,
      prospectName: 'Globex',
      prospectIndustryKey: 'banking',
      prospectEmployeeCount: 1200,
      prospectAnnualRevenueUsd: 75_000_000,
      prospectCountry: 'fr',
      stageKey: 'proposal',
      amountUsd: 250_000,
      closeDate: '2031-06-30',
      productKeys: ['insights_cloud', 'insights_cloud'],
      competitors: [' Tableau ', 'tableau', 'Looker'],
      excludedAccountIds: [rival.id],
      decisionMakerBuyIn: true,
      technicalApproval: true,
      budgetConfirmed: false,
      finalist: true,
      crmId: unique('006'),
      notes: 'Champion: CFO',
    };
    const res = await seller.post('/api/opportunities', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: body.name.trim(),
      prospectCountry: 'FR',
      prospectCompanySize: 'employees_1000',
      prospectRevenueBand: 'revenue_50000000',
      stage: { key: 'proposal', label: 'Proposal', retired: false },
      productKeys: ['insights_cloud'],
      competitors: ['Tableau', 'Looker'],
      excludedAccounts: [{ id: rival.id, name: rival.name }],
      outcome: 'open',
      owner: { id: seller.userId },
      viewerCanEdit: true,
    });
    const id = res.json<OpportunityJson>().id;
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, id));
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([['opportunity.created', seller.userId]]);
  });

  it('lists every bad field at once', async () => {
    const res = await seller.post('/api/opportunities', {
      name: 'Deal',
      prospectName: 'Prospect',
      stageKey: 'nowhere',
      prospectIndustryKey: 'basket_weaving',
      prospectCountry: 'XX',
      productKeys: ['insights_cloud', 'nope'],
      excludedAccountIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual(['excludedAccountIds.0', 'productKeys.1', 'prospectCountry', 'prospectIndustryKey', 'stageKey']);
    const shape = await seller.post('/api/opportunities', { name: ' ', prospectName: 'P', stageKey: 'discovery', amountUsd: -1, closeDate: '31/12/2030', outcome: 'won' });
    expect(shape.statusCode).toBe(400);
    expect(fieldsOf(shape.json())).toEqual(['(body)', 'amountUsd', 'closeDate', 'name']);
  });

  it('refuses a CRM id already used by another opportunity (409)', async () => {
    const crmId = unique('006X');
    const first = await newOpportunity(seller, { crmId });
    const again = await seller.post('/api/opportunities', { name: 'Dup', prospectName: 'Dup', stageKey: 'discovery', crmId });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain(first.id);
    const other = await newOpportunity(seller);
    expect((await seller.patch(`/api/opportunities/${other.id}`, { crmId })).statusCode).toBe(409);
  });

  it('audits only the fields that changed; a change that changes nothing writes nothing', async () => {
    const deal = await newOpportunity(seller, { amountUsd: 1000 });
    await seller.patch(`/api/opportunities/${deal.id}`, { amountUsd: 2000, stageKey: 'demonstration', name: deal.name });
    await seller.patch(`/api/opportunities/${deal.id}`, { amountUsd: 2000 });
    const events = await t.deps.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, deal.id), eq(auditEvents.action, 'opportunity.updated')));
    expect(events.map((e) => e.details)).toEqual([{ changed: ['stageKey', 'amountUsd'], stage: { from: 'discovery', to: 'demonstration' } }]);
  });

  it('shows readiness per kind of reference, with what is missing and what to do meanwhile', async () => {
    const deal = await newOpportunity(seller, { stageKey: 'qualification' });
    const early = (await seller.get(`/api/opportunities/${deal.id}`)).json<OpportunityJson>();
    const call = early.readiness?.find((r) => r.activityTypeKey === 'reference_call');
    expect(call?.ready).toBe(false);
    expect(call?.gaps.map((g) => g.kind)).toEqual(['stage', 'fact']);
    expect(call?.gaps[0]?.message).toMatch(/The deal is at Qualification; a reference call is only arranged from Technical evaluation on/);
    expect(early.meanwhile?.some((m) => /peer review site/.test(m))).toBe(true);
    await seller.patch(`/api/opportunities/${deal.id}`, { stageKey: 'evaluation', decisionMakerBuyIn: true });
    const ready = (await seller.get(`/api/opportunities/${deal.id}`)).json<OpportunityJson>();
    expect(ready.readiness?.find((r) => r.activityTypeKey === 'reference_call')).toMatchObject({ ready: true, gaps: [] });
    expect(ready.readiness?.find((r) => r.activityTypeKey === 'site_visit')?.ready).toBe(false);
  });

  it('keeps a deal at a stage retired since, but never moves one onto a retired stage', async () => {
    const key = `retiring_${randomBytes(3).toString('hex')}`;
    await t.deps.db.insert(pipelineStages).values({ key, label: unique('Retiring'), position: 35 });
    const deal = await newOpportunity(seller, { stageKey: key });
    await t.deps.db.update(pipelineStages).set({ retiredAt: new Date() }).where(eq(pipelineStages.key, key));
    const kept = await seller.patch(`/api/opportunities/${deal.id}`, { notes: 'still here' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ stageKey: key, stage: { key, retired: true } });
    const other = await newOpportunity(seller);
    const moved = await seller.patch(`/api/opportunities/${other.id}`, { stageKey: key });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().errors).toEqual([{ field: 'stageKey', reason: `"${key}" is not a current pipeline stage` }]);
  });
});

describe('finding opportunities', () => {
  let lister: ApiClient;
  const ids: string[] = [];
  beforeAll(async () => {
    lister = await t.signedInAs(['sales']);
    const rows = [
      { name: 'Alpha renewal', prospectName: 'Zeta Bank', amountUsd: 500, closeDate: '2031-03-01', stageKey: 'proposal' },
      { name: 'beta pilot', prospectName: 'Yankee Air', amountUsd: null, closeDate: null, stageKey: 'discovery' },
      { name: 'Gamma platform', prospectName: 'Xray Health', amountUsd: 9000, closeDate: '2031-01-15', stageKey: 'proposal' },
      { name: 'Delta 50% off_deal', prospectName: 'Whiskey Foods', amountUsd: 500, closeDate: '2031-01-15', stageKey: 'commit' },
      { name: 'epsilon', prospectName: 'Victor Motors', amountUsd: 100, closeDate: null, stageKey: 'discovery', crmId: unique('0061') },
    ];
    for (const row of rows) {
      ids.push((await newOpportunity(lister, row)).id);
      t.clock.advance(1000);
    }
  });

  const list = async (query: string) => {
    const res = await lister.get(`/api/opportunities?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: (OpportunityJson & { crmId: string | null })[]; nextCursor: string | null }>();
  };
  const names = async (query: string) => (await list(query)).items.map((o) => o.name);

  it('searches names, prospects and CRM ids, and filters by stage', async () => {
    expect(await names('q=yankee')).toEqual(['beta pilot']);
    expect(await names('q=ALPHA')).toEqual(['Alpha renewal']);
    expect(await names('q=50%25')).toEqual(['Delta 50% off_deal']);
    expect(await names('q=_')).toEqual(['Delta 50% off_deal']);
    const epsilon = (await list('q=epsilon')).items[0];
    expect(await names(`q=${epsilon?.crmId ?? ''}`)).toEqual(['epsilon']);
    expect((await names('stage=proposal&sort=name')).sort()).toEqual(['Alpha renewal', 'Gamma platform']);
    expect(await names('outcome=won')).toEqual([]);
  });

  it.each([
    ['name', ['Alpha renewal', 'beta pilot', 'Delta 50% off_deal', 'epsilon', 'Gamma platform']],
    ['close_date', ['Delta 50% off_deal', 'Gamma platform', 'Alpha renewal', 'beta pilot', 'epsilon']],
    ['amount', ['Gamma platform', 'Alpha renewal', 'Delta 50% off_deal', 'epsilon', 'beta pilot']],
    ['updated', ['epsilon', 'Delta 50% off_deal', 'Gamma platform', 'beta pilot', 'Alpha renewal']],
  ] as const)('sorts by %s and pages through every one exactly once', async (sort, expected) => {
    const seen: OpportunityJson[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const names = seen.map((o) => o.name);
    // Equal sort keys fall back to the id: compare those as sets.
    if (sort === 'close_date' || sort === 'amount') {
      const tied = sort === 'close_date' ? [0, 1] : [1, 2];
      expect(new Set(names.slice(tied[0], (tied[1] ?? 0) + 1))).toEqual(new Set(expected.slice(tied[0], (tied[1] ?? 0) + 1)));
      const rest = (list: readonly string[]) => list.filter((_, i) => !tied.includes(i));
      if (sort === 'close_date') expect(new Set(rest(names).slice(1))).toEqual(new Set(rest(expected).slice(1)));
      else expect(rest(names)).toEqual(rest(expected));
    } else {
      expect(names).toEqual(expected);
    }
    expect(new Set(seen.map((o) => o.id))).toEqual(new Set(ids));
  });

  it('refuses a cursor from another sort or made by hand', async () => {
    const page = await list('sort=name&limit=1');
    const wrongSort = await lister.get(`/api/opportunities?sort=amount&cursor=${page.nextCursor}`);
    expect(wrongSort.statusCode).toBe(400);
    const forged = Buffer.from(JSON.stringify(['amount', 'lots', ids[0]])).toString('base64url');
    const res = await lister.get(`/api/opportunities?sort=amount&cursor=${forged}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'query.cursor', reason: 'is not a cursor this API returned' }]);
  });
});
