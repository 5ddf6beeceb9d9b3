import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRequests } from '../../../db/schema/index.js';
import { addBusinessDaysTo } from '../../../domain/requests/business-days.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { businessDaysFromNow, createCast, createOpportunity, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
});
afterAll(() => t.close());

/** Fulfilled requests of the past: submitted on a Monday, fulfilled `days` business days later. */
async function history(activityTypeKey: string, country: string, days: number[]): Promise<void> {
  const monday = new Date('2026-03-02T09:00:00Z');
  await t.deps.db.insert(referenceRequests).values(
    days.map((d) => ({
      requesterUserId: cast.seller.id,
      team: 'sales',
      activityTypeKey,
      prospect: { country },
      neededBy: '2026-04-30',
      status: 'fulfilled' as const,
      submittedAt: monday,
      fulfilledAt: addBusinessDaysTo(monday, d),
    })),
  );
}

const preview = async (body: Record<string, unknown>) => {
  const res = await cast.seller.client.post('/api/requests/preview', { activityTypeKey: 'reference_call', neededBy: businessDaysFromNow(t, 15), ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('POST /api/requests/preview', () => {
  it('judges readiness and lead time live, prefilled from the deal, and writes nothing', async () => {
    const early = await createOpportunity(t.deps.db, cast.seller.id, { stageKey: 'discovery', decisionMakerBuyIn: false });
    const before = (await t.deps.db.select().from(referenceRequests)).length;
    const result = await preview({ opportunityId: early.id, neededBy: businessDaysFromNow(t, 2) });
    expect(result.readiness.ready).toBe(false);
    expect(result.readiness.gaps.map((g: { kind: string }) => g.kind).sort()).toEqual(['fact', 'stage']);
    expect(result.readiness.gaps[0].message).toMatch(/reference call/);
    expect(result.readiness.meanwhile.length).toBeGreaterThan(0);
    expect(result.leadTime).toMatchObject({ rush: true, minimumBusinessDays: 5, availableBusinessDays: 2 });
    expect(result.rushJustificationRequired).toBe(true);
    expect(result.gate).toEqual({ minStageKey: 'evaluation', requiredFacts: ['decision_maker_buy_in'] });
    expect(result.prospect).toMatchObject({ name: early.prospectName, country: 'FR' });
    expect((await t.deps.db.select().from(referenceRequests)).length).toBe(before);
    const ready = await preview({ opportunityId: (await createOpportunity(t.deps.db, cast.seller.id)).id });
    expect(ready).toMatchObject({ readiness: { ready: true, gaps: [] }, leadTime: { rush: false }, selectionMode: 'seller_picks' });
  });

  it('learns the fulfilment estimate from history: same type and region, then same type, then everything', async () => {
    expect((await preview({ prospect: { country: 'FR' } })).estimate).toBeNull();
    await history('reference_call', 'DE', [2, 4, 6, 8, 10]);
    await history('reference_call', 'US', [20, 20, 20]);
    await history('case_study', 'US', [30, 30, 30]);
    const europe = await preview({ prospect: { country: 'FR' } });
    expect(europe.estimate).toEqual({ medianBusinessDays: 6, sampleSize: 5, basis: 'type_and_region' });
    expect(europe.estimateMessage).toMatch(/median of 6 business days \(5 requests\)/);
    const americas = await preview({ prospect: { country: 'CA' } });
    expect(americas.estimate).toMatchObject({ basis: 'type', sampleSize: 8 });
    const webinar = await preview({ activityTypeKey: 'webinar', neededBy: businessDaysFromNow(t, 40), prospect: { country: 'FR' } });
    expect(webinar.estimate).toMatchObject({ basis: 'all', sampleSize: 11 });
  });

  it('stores the estimate on the request when it is submitted', async () => {
    const deal = await createOpportunity(t.deps.db, cast.seller.id, { prospectCountry: 'DE' });
    const res = await cast.seller.client.post('/api/requests', { opportunityId: deal.id, activityTypeKey: 'reference_call', neededBy: businessDaysFromNow(t, 15), submit: true });
    expect(res.json()).toMatchObject({ status: 'matching', estimatedBusinessDays: 6 });
  });

  it('reports bad input as field errors', async () => {
    const res = await cast.seller.client.post('/api/requests/preview', { activityTypeKey: 'telepathy', neededBy: businessDaysFromNow(t, 5), opportunityId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['activityTypeKey', 'opportunityId']);
    const theirs = await createOpportunity(t.deps.db, cast.otherSeller.id);
    expect((await cast.seller.client.post('/api/requests/preview', { activityTypeKey: 'reference_call', neededBy: businessDaysFromNow(t, 5), opportunityId: theirs.id })).statusCode).toBe(403);
    for (const person of [cast.marketing, cast.admin]) {
      expect((await person.client.post('/api/requests/preview', { activityTypeKey: 'case_study', neededBy: businessDaysFromNow(t, 40) })).statusCode).toBe(200);
    }
  });
});
