import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, impactRecords, thankYous, type AdvocateRow, type OpportunityRow } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { portalRequest, signInAdvocate } from '../../../../test/helpers/portal-session.js';
import { createActiveAdvocate, createCast, createOpportunity, type Cast } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let cast: Cast;
let advocate: AdvocateRow;
let deal: OpportunityRow;

beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
  advocate = await createActiveAdvocate(t.deps.db, cast.accountId, { points: 40 });
  deal = await createOpportunity(t.deps.db, cast.seller.id, { name: 'Globex expansion (internal)', prospectName: 'Globex', outcome: 'won', amountWonUsd: 250_000, closedOn: '2026-03-01' });
  const db = t.deps.db;
  const [call, upcoming] = await db
    .insert(activities)
    .values([
      { advocateId: advocate.id, accountId: cast.accountId, activityTypeKey: 'reference_call', status: 'happened', occursOn: '2026-02-10', weight: 1, opportunityId: deal.id },
      { advocateId: advocate.id, accountId: cast.accountId, activityTypeKey: 'case_study', status: 'planned', occursOn: '2026-12-01', weight: 1 },
    ])
    .returning();
  await db.insert(activities).values({ advocateId: advocate.id, accountId: cast.accountId, activityTypeKey: 'site_visit', status: 'cancelled', occursOn: '2026-01-05', weight: 1 });
  await db.insert(impactRecords).values({ advocateId: advocate.id, opportunityId: deal.id, activityId: call!.id, amountWonUsd: 250_000, wonOn: '2026-03-01' });
  await db.insert(thankYous).values({ advocateId: advocate.id, activityId: call!.id, kind: 'note', points: 40, note: 'Thank you for the call!', givenByUserId: cast.seller.id });
  expect(upcoming).toBeDefined();
});
afterAll(() => t.close());

describe('an advocate’s impact', () => {
  it('shows the advocate what they did, the deals they helped win by the prospect’s name only, thank-yous and points', async () => {
    const session = await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now());
    const res = await portalRequest(t.app, session, { method: 'GET', url: '/api/portal/impact' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ activities: { status: string; prospectName: string | null }[]; wins: unknown[]; thankYous: unknown[]; totals: unknown }>();
    expect(body.activities.map((a) => a.status)).toEqual(['planned', 'happened']);
    expect(body.activities[1]).toMatchObject({ activityLabel: 'Reference call', occursOn: '2026-02-10', prospectName: 'Globex' });
    expect(body.wins).toEqual([{ prospectName: 'Globex', wonOn: '2026-03-01', activityCount: 1 }]);
    expect(body.thankYous).toMatchObject([{ kind: 'note', points: 40, note: 'Thank you for the call!' }]);
    expect(body.totals).toEqual({ happened: 1, upcoming: 1, dealsWon: 1, thankYous: 1, points: 40 });
    expect(res.body).not.toContain('internal');
    expect(res.body).not.toContain('250000');
  });

  it('needs a portal session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/portal/impact' })).statusCode).toBe(401);
  });

  it('shows admins and the account’s relationship owner the same impact with the opportunities; others get 403', async () => {
    for (const person of [cast.admin, cast.owner]) {
      const res = await person.client.get(`/api/advocates/${advocate.id}/impact`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        advocate: { id: advocate.id, points: 40 },
        wins: [{ opportunityId: deal.id, opportunityName: 'Globex expansion (internal)', prospectName: 'Globex', amountWonUsd: 250_000, activityCount: 1 }],
        totals: { happened: 1, dealsWon: 1 },
      });
    }
    for (const person of [cast.otherOwner, cast.seller, cast.marketing, cast.exec]) {
      expect((await person.client.get(`/api/advocates/${advocate.id}/impact`)).statusCode).toBe(403);
    }
    expect((await cast.admin.client.get('/api/advocates/00000000-0000-4000-8000-000000000000/impact')).statusCode).toBe(404);
    expect((await cast.admin.client.get('/api/advocates/nope/impact')).statusCode).toBe(400);
    expect((await t.client().get(`/api/advocates/${advocate.id}/impact`)).statusCode).toBe(401);
  });
});
