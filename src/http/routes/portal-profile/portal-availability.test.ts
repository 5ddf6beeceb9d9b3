import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocateBlackouts, type advocates, auditEvents } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount } from '../../../../test/helpers/factories.js';
import { portalRequest, signInAdvocate, type PortalSession } from '../../../../test/helpers/portal-session.js';
import { createActiveAdvocate } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let accountId: string;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  accountId = (await createAccount(t.deps.db, { industryKey: 'banking', hqCountry: 'DE' })).id;
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

const DAY = 86_400_000;
const inDays = (n: number) => new Date(t.clock.now().getTime() + n * DAY).toISOString().slice(0, 10);
async function advocateWithSession(overrides: Partial<typeof advocates.$inferInsert> = {}) {
  const advocate = await createActiveAdvocate(t.deps.db, accountId, { country: 'DE', languageKeys: ['en'], topicKeys: ['security'], lastVerifiedAt: t.clock.now(), ...overrides });
  return { advocate, session: await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now()) };
}
const list = (s: PortalSession) => portalRequest(t.app, s, { method: 'GET', url: '/api/portal/blackouts' });
const add = (s: PortalSession, payload: object) => portalRequest(t.app, s, { method: 'POST', url: '/api/portal/blackouts', payload });
const remove = (s: PortalSession, id: string) => portalRequest(t.app, s, { method: 'DELETE', url: `/api/portal/blackouts/${id}` });

describe('the advocate’s blackout periods', () => {
  it('adds one, lists it, and matching leaves the advocate out for it at once', async () => {
    const { advocate, session } = await advocateWithSession();
    const preview = async () => {
      const res = await admin.post('/api/matching/preview', {
        activityTypeKey: 'reference_call',
        neededBy: inDays(20),
        prospect: { industryKey: 'banking', employeeCount: 4_000, country: 'DE' },
        criteria: [],
        topicKeys: ['security'],
        opportunityId: null,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ candidates: { advocateId: string }[] }>().candidates.map((c) => c.advocateId);
    };
    expect(await preview()).toContain(advocate.id);
    const res = await add(session, { startsOn: inDays(3), endsOn: inDays(9), reason: 'Holiday' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ startsOn: inDays(3), endsOn: inDays(9), reason: 'Holiday', past: false, current: false });
    expect(await preview()).not.toContain(advocate.id);
    const listed = await list(session);
    expect(listed.json().items).toEqual([expect.objectContaining({ id: res.json().id })]);
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.blackout_added'), eq(auditEvents.targetId, advocate.id)));
    expect(audit?.details).toMatchObject({ blackoutId: res.json().id, startsOn: inDays(3) });
    expect((await remove(session, res.json().id)).json()).toEqual({ outcome: 'removed', blackout: null });
    expect(await preview()).toContain(advocate.id);
  });

  it('refuses overlaps, duplicates, reversed and past dates with a reason per field', async () => {
    const { session } = await advocateWithSession();
    expect((await add(session, { startsOn: inDays(10), endsOn: inDays(15) })).statusCode).toBe(201);
    for (const [body, field, reason] of [
      [{ startsOn: inDays(10), endsOn: inDays(15) }, 'startsOn', 'already in your list'],
      [{ startsOn: inDays(14), endsOn: inDays(20) }, 'startsOn', `overlaps your period from ${inDays(10)} to ${inDays(15)}`],
      [{ startsOn: inDays(30), endsOn: inDays(25) }, 'endsOn', 'must not be before'],
      [{ startsOn: inDays(-3), endsOn: inDays(2) }, 'startsOn', 'past days cannot be changed'],
      [{ startsOn: inDays(40), endsOn: inDays(800) }, 'endsOn', 'at most a year'],
      [{ startsOn: '2026-02-30', endsOn: inDays(2) }, 'startsOn', 'YYYY-MM-DD'],
    ] as const) {
      const res = await add(session, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors, JSON.stringify(body)).toEqual(expect.arrayContaining([{ field, reason: expect.stringContaining(reason) }]));
    }
  });

  it('keeps past periods read-only and ends a current one yesterday', async () => {
    const { advocate, session } = await advocateWithSession();
    const [past, current] = await t.deps.db
      .insert(advocateBlackouts)
      .values([
        { advocateId: advocate.id, startsOn: inDays(-20), endsOn: inDays(-10) },
        { advocateId: advocate.id, startsOn: inDays(-2), endsOn: inDays(5) },
      ])
      .returning();
    const listed = (await list(session)).json();
    expect(listed.items.map((b: { past: boolean; current: boolean }) => [b.past, b.current])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect((await remove(session, past!.id)).statusCode).toBe(409);
    const ended = await remove(session, current!.id);
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ outcome: 'ended_early', blackout: { startsOn: inDays(-2), endsOn: inDays(-1), past: true } });
  });

  it('keeps every advocate to their own periods (another’s is not found) and needs a session', async () => {
    const mine = await advocateWithSession();
    const theirs = await advocateWithSession();
    const created = await add(theirs.session, { startsOn: inDays(50), endsOn: inDays(52) });
    expect((await remove(mine.session, created.json().id)).statusCode).toBe(404);
    expect((await list(mine.session)).json().items).toEqual([]);
    expect((await list(theirs.session)).json().items).toHaveLength(1);
    expect((await t.client().get('/api/portal/blackouts')).statusCode).toBe(401);
    const noCsrf = await portalRequest(t.app, mine.session, { method: 'POST', url: '/api/portal/blackouts', payload: { startsOn: inDays(60), endsOn: inDays(61) }, headers: { 'x-csrf-token': 'nope' } });
    expect(noCsrf.statusCode).toBe(403);
  });
});
