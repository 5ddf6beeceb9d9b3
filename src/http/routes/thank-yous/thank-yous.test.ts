import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocates, auditEvents } from '../../../db/schema/index.js';
import { ROLES } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { activityOfCandidate, setUpCandidate, setUpHappened, type LoopSetup } from '../scheduling/loop-fixtures.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

async function clientFor(user: { email: string }): Promise<ApiClient> {
  const client = t.client();
  expect((await client.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  return client;
}
const url = async (s: LoopSetup) => `/api/activities/${(await activityOfCandidate(t.deps, s.candidate.id)).id}/thank-yous`;
async function pointsOf(advocateId: string) {
  const [row] = await t.deps.db.select({ points: advocates.points }).from(advocates).where(eq(advocates.id, advocateId));
  return row!.points;
}

describe('thank-yous', () => {
  it('logs the requester’s note with who and when, audited, and lists it on the advocate', async () => {
    const s = await setUpHappened(t.deps);
    const requester = await clientFor(s.requester);
    const res = await requester.post(await url(s), { kind: 'note', note: 'Thank you, the prospect signed!' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'note', points: 0, note: 'Thank you, the prospect signed!', advocateId: s.advocate.id, givenBy: { id: s.requester.id, name: s.requester.name } });
    expect(new Date(res.json().givenAt).getTime()).toBe(t.clock.now().getTime());
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.thanked'), eq(auditEvents.targetId, s.advocate.id)));
    expect(audit).toMatchObject({ actorUserId: s.requester.id });
    expect(audit?.details).toMatchObject({ kind: 'note', points: 0, thankYouId: res.json().id });
    const list = await (await t.signedInAs(['exec'])).get(`/api/advocates/${s.advocate.id}/thank-yous`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ points: 0, items: [{ id: res.json().id, givenBy: { name: s.requester.name } }] });
  });

  it('adds points to the advocate’s balance in the same step (admins only)', async () => {
    const s = await setUpHappened(t.deps);
    expect((await admin.post(await url(s), { kind: 'points', points: 50 })).statusCode).toBe(201);
    t.clock.advance(60_000);
    expect((await admin.post(await url(s), { kind: 'gift', points: 25, note: 'Conference ticket' })).statusCode).toBe(201);
    expect(await pointsOf(s.advocate.id)).toBe(75);
    const list = await admin.get(`/api/advocates/${s.advocate.id}/thank-yous`);
    expect(list.json().points).toBe(75);
    expect(list.json().items.map((i: { kind: string }) => i.kind)).toEqual(['gift', 'points']);
    const requester = await clientFor(s.requester);
    expect((await requester.post(await url(s), { kind: 'points', points: 10 })).statusCode).toBe(403);
    expect((await requester.post(await url(s), { kind: 'gift', points: 10, note: 'Mug' })).statusCode).toBe(403);
    expect(await pointsOf(s.advocate.id)).toBe(75);
  });

  it('lets the account’s owner thank, and nobody else outside the request', async () => {
    const s = await setUpHappened(t.deps);
    expect((await (await clientFor(s.owner)).post(await url(s), { kind: 'gift', note: 'Company hoodie' })).statusCode).toBe(201);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect((await (await t.signedInAs([role])).post(await url(s), { kind: 'note', note: 'hi' })).statusCode, role).toBe(403);
    }
    expect((await t.client().post(await url(s), { kind: 'note', note: 'hi' })).statusCode).toBe(401);
    expect((await t.client().get(`/api/advocates/${s.advocate.id}/thank-yous`)).statusCode).toBe(401);
  });

  it('waits until the use has taken place (409), and validates the kind, points and note', async () => {
    const s = await setUpCandidate(t.deps);
    expect((await admin.post(await url(s), { kind: 'note', note: 'Thanks in advance' })).statusCode).toBe(409);
    const done = await setUpHappened(t.deps);
    for (const [body, field] of [
      [{ kind: 'points', points: 0 }, 'points'],
      [{ kind: 'points', points: -5 }, 'points'],
      [{ kind: 'note' }, 'note'],
      [{ kind: 'cash', note: 'x' }, 'kind'],
      [{ kind: 'note', note: 'x'.repeat(2001) }, 'note'],
    ] as const) {
      const res = await admin.post(await url(done), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    expect(await pointsOf(done.advocate.id)).toBe(0);
    expect((await admin.post(`/api/activities/${crypto.randomUUID()}/thank-yous`, { kind: 'note', note: 'x' })).statusCode).toBe(404);
    expect((await admin.get(`/api/advocates/${crypto.randomUUID()}/thank-yous`)).statusCode).toBe(404);
  });

  it('adds every concurrent award of points exactly once', async () => {
    const s = await setUpHappened(t.deps);
    const target = await url(s);
    const results = await Promise.all(Array.from({ length: 8 }, () => admin.post(target, { kind: 'points', points: 5 })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(await pointsOf(s.advocate.id)).toBe(40);
  });
});
