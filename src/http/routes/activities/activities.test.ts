import { addDays } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, programPolicies } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY } from '../../../domain/requests/program-policy.js';
import { ROLES } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount, createUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { activityOfCandidate, createAdvocate, createOpportunity, isoDay, moveCandidate, setUpCandidate, setUpHappened } from '../scheduling/loop-fixtures.js';

interface ActivityJson {
  id: string;
  status: string;
  activityTypeKey: string;
  occursOn: string;
  weight: number;
  outsideFlow: boolean;
  details: boolean;
  notes: string | null;
  title: string | null;
  request: { id: string; number: number } | null;
  opportunity: { id: string; name: string } | null;
  requester: { id: string; name: string } | null;
  advocate: { id: string; name: string };
}

let t: TestApp;
let admin: ApiClient;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  adminId = admin.userId!;
});
afterAll(() => t.close());

async function clientFor(user: { email: string }): Promise<ApiClient> {
  const client = t.client();
  expect((await client.signIn(user.email, TEST_PASSWORD)).statusCode).toBe(200);
  return client;
}
const today = () => isoDay(t.clock.now());
const idsOf = (res: { json: () => { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

async function logUse(body: Record<string, unknown>) {
  return admin.post('/api/activities', { activityTypeKey: 'press_quote', occursOn: today(), requestingTeam: 'pr', ...body });
}

describe('logging a use outside the request flow', () => {
  it('records it as happened with the activity type’s weight, audited', async () => {
    const account = await createAccount(t.deps.db);
    const advocate = await createAdvocate(t.deps, account.id);
    const res = await logUse({ advocateId: advocate.id, activityTypeKey: 'site_visit', title: 'Visit for Initech', notes: 'Arranged by the AE directly', requestingTeam: 'sales' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<ActivityJson>();
    expect(body).toMatchObject({ status: 'happened', activityTypeKey: 'site_visit', weight: 3, outsideFlow: true, occursOn: today(), title: 'Visit for Initech', details: true });
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'activity.logged'), eq(auditEvents.targetId, body.id)));
    expect(audit).toMatchObject({ actorUserId: adminId });
    expect(audit?.details).toMatchObject({ advocateId: advocate.id, weight: 3 });
  });

  it('takes the weight from the program policy when it overrides the type', async () => {
    await t.deps.db.insert(programPolicies).values({ id: 1, policies: { ...DEFAULT_PROGRAM_POLICY, activityWeights: { press_quote: 0.25 } } });
    try {
      const advocate = await createAdvocate(t.deps, (await createAccount(t.deps.db)).id);
      const res = await logUse({ advocateId: advocate.id });
      expect(res.json<ActivityJson>().weight).toBe(0.25);
    } finally {
      await t.deps.db.delete(programPolicies);
    }
  });

  it('counts against the rest period and caps: the next booking of that advocate is refused', async () => {
    const account = await createAccount(t.deps.db);
    const advocate = await createAdvocate(t.deps, account.id);
    expect((await logUse({ advocateId: advocate.id, occursOn: isoDay(addDays(t.clock.now(), -2)) })).statusCode).toBe(201);
    const s = await setUpCandidate(t.deps, { account, advocate, status: 'owner_pending' });
    await expect(moveCandidate(t.deps, s.candidate.id, 'owner_approve', ['owner'], { occursOn: isoDay(addDays(t.clock.now(), 3)) })).rejects.toMatchObject({ status: 409 });
    const history = await admin.get(`/api/advocates/${advocate.id}/activities`);
    expect(history.json().load).toMatchObject({ usedUnits: 1, capUnits: 6, upcoming: 0 });
    expect(history.json().load.restUntil).toBe(isoDay(addDays(t.clock.now(), 12)));
  });

  it('links an opportunity and refuses bad input field by field', async () => {
    const advocate = await createAdvocate(t.deps, (await createAccount(t.deps.db)).id);
    const opportunity = await createOpportunity(t.deps, { ownerUserId: adminId });
    const linked = await logUse({ advocateId: advocate.id, opportunityId: opportunity.id });
    expect(linked.json<ActivityJson>().opportunity).toEqual({ id: opportunity.id, name: opportunity.name });
    const bad = await logUse({
      advocateId: crypto.randomUUID(),
      activityTypeKey: 'telepathy',
      occursOn: isoDay(addDays(t.clock.now(), 3)),
      opportunityId: crypto.randomUUID(),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['activityTypeKey', 'advocateId', 'occursOn', 'opportunityId']);
    expect((await logUse({ advocateId: advocate.id, requestingTeam: 'pirates' })).statusCode).toBe(400);
    expect((await logUse({ advocateId: advocate.id, occursOn: '2030-02-30' })).statusCode).toBe(400);
    expect((await logUse({ advocateId: advocate.id, status: 'planned' })).statusCode).toBe(400);
  });

  it.each(ROLES.filter((r) => r !== 'admin'))('is refused to the %s role', async (role) => {
    const advocate = await createAdvocate(t.deps, (await createAccount(t.deps.db)).id);
    const client = await t.signedInAs([role]);
    expect((await client.post('/api/activities', { advocateId: advocate.id, activityTypeKey: 'press_quote', occursOn: today(), requestingTeam: 'pr' })).statusCode).toBe(403);
  });
});

describe('listing activities', () => {
  it('refuses anonymous callers', async () => {
    for (const url of ['/api/activities', `/api/activities/${crypto.randomUUID()}`, `/api/advocates/${crypto.randomUUID()}/activities`, `/api/accounts/${crypto.randomUUID()}/activities`]) {
      expect((await t.client().get(url)).statusCode, url).toBe(401);
    }
  });

  it('shows admins every activity and others only those on their requests, accounts and opportunities', async () => {
    const mine = await setUpHappened(t.deps);
    const theirs = await setUpHappened(t.deps);
    const seller = await clientFor(mine.requester);
    const ownerOfTheirs = await clientFor(theirs.owner);
    const dealOwner = await createUser(t.deps.db, { roles: ['sales'] });
    const onDeal = await setUpCandidate(t.deps, { opportunityOwner: dealOwner });

    const all = idsOf(await admin.get('/api/activities?limit=200'));
    const [mineActivity, theirActivity, dealActivity] = await Promise.all([mine, theirs, onDeal].map((s) => activityOfCandidate(t.deps, s.candidate.id)));
    expect(all).toEqual(expect.arrayContaining([mineActivity!.id, theirActivity!.id, dealActivity!.id]));

    const sellerSees = idsOf(await seller.get('/api/activities'));
    expect(sellerSees).toContain(mineActivity!.id);
    expect(sellerSees).not.toContain(theirActivity!.id);
    expect((await seller.get('/api/activities?scope=all')).statusCode).toBe(403);

    const ownerSees = idsOf(await ownerOfTheirs.get('/api/activities'));
    expect(ownerSees).toEqual([theirActivity!.id]);
    expect(idsOf(await (await clientFor(dealOwner)).get('/api/activities'))).toEqual([dealActivity!.id]);
    expect(idsOf(await (await t.signedInAs(['exec'])).get('/api/activities'))).toEqual([]);
  });

  it('filters by advocate, status, team, dates and outside-flow, and pages by date', async () => {
    const account = await createAccount(t.deps.db);
    const advocate = await createAdvocate(t.deps, account.id);
    const days = [-40, -20, -3].map((d) => isoDay(addDays(t.clock.now(), d)));
    const logged: string[] = [];
    for (const occursOn of days) logged.push((await logUse({ advocateId: advocate.id, occursOn, requestingTeam: occursOn === days[0] ? 'analyst_relations' : 'pr' })).json<ActivityJson>().id);
    const s = await setUpCandidate(t.deps, { account, advocate: await createAdvocate(t.deps, account.id) });
    const held = await activityOfCandidate(t.deps, s.candidate.id);

    expect(idsOf(await admin.get(`/api/activities?advocateId=${advocate.id}`))).toEqual([...logged].reverse());
    expect(idsOf(await admin.get(`/api/activities?accountId=${account.id}&status=planned,held`))).toEqual([held.id]);
    expect(idsOf(await admin.get(`/api/activities?accountId=${account.id}&outsideFlow=true`))).toHaveLength(3);
    expect(idsOf(await admin.get(`/api/activities?accountId=${account.id}&outsideFlow=false`))).toEqual([held.id]);
    expect(idsOf(await admin.get(`/api/activities?advocateId=${advocate.id}&team=analyst_relations`))).toEqual([logged[0]]);
    expect(idsOf(await admin.get(`/api/activities?advocateId=${advocate.id}&from=${days[1]}&to=${days[2]}`))).toEqual([logged[2], logged[1]]);
    expect((await admin.get('/api/activities?status=nope')).statusCode).toBe(400);

    const first = await admin.get(`/api/activities?advocateId=${advocate.id}&limit=2`);
    expect(idsOf(first)).toEqual([logged[2], logged[1]]);
    const next = await admin.get(`/api/activities?advocateId=${advocate.id}&limit=2&cursor=${first.json().nextCursor}`);
    expect(idsOf(next)).toEqual([logged[0]]);
    expect(next.json().nextCursor).toBeNull();
    expect((await admin.get('/api/activities?cursor=garbage')).statusCode).toBe(400);
  });
});

describe('one activity', () => {
  it('shows its details, debriefs and next steps to the requester, the account owner and admins; 403 to others', async () => {
    const s = await setUpHappened(t.deps);
    const activity = await activityOfCandidate(t.deps, s.candidate.id);
    const requester = await clientFor(s.requester);
    const res = await requester.get(`/api/activities/${activity.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: activity.id,
      status: 'happened',
      details: true,
      request: { id: s.request.id, number: s.request.number },
      requester: { id: s.requester.id },
      debriefs: [],
      thankYous: [],
      redo: { offered: false, request: null },
      may: { debrief: true, redo: false, thank: true, givePoints: false },
    });
    expect((await (await clientFor(s.owner)).get(`/api/activities/${activity.id}`)).json().may).toMatchObject({ debrief: false, thank: true });
    expect((await admin.get(`/api/activities/${activity.id}`)).json().may).toMatchObject({ debrief: true, givePoints: true });
    for (const role of ['sales', 'owner', 'marketing', 'exec'] as const) {
      expect((await (await t.signedInAs([role])).get(`/api/activities/${activity.id}`)).statusCode, role).toBe(403);
    }
    expect((await admin.get(`/api/activities/${crypto.randomUUID()}`)).statusCode).toBe(404);
    expect((await admin.get('/api/activities/not-a-uuid')).statusCode).toBe(400);
  });
});

describe('advocate and account history', () => {
  it('lists an advocate’s uses to every role, hiding the details from people not involved', async () => {
    const s = await setUpHappened(t.deps);
    const activity = await activityOfCandidate(t.deps, s.candidate.id);
    for (const role of ROLES) {
      const client = await t.signedInAs([role]);
      const res = await client.get(`/api/advocates/${s.advocate.id}/activities`);
      expect(res.statusCode, role).toBe(200);
      const [item] = res.json().items as ActivityJson[];
      expect(item).toMatchObject({ id: activity.id, status: 'happened', activityTypeKey: 'reference_call' });
      if (role === 'admin') expect(item).toMatchObject({ details: true, request: { id: s.request.id } });
      else expect(item).toMatchObject({ details: false, request: null, opportunity: null, requester: null, notes: null });
    }
    const own = await (await clientFor(s.requester)).get(`/api/advocates/${s.advocate.id}/activities`);
    expect(own.json().items[0]).toMatchObject({ details: true, opportunity: { id: s.opportunity!.id } });
    expect((await admin.get(`/api/advocates/${crypto.randomUUID()}/activities`)).statusCode).toBe(404);
  });

  it('lists an account’s uses across its advocates with its load against the account cap', async () => {
    const account = await createAccount(t.deps.db, { usageCap: 10 });
    const a = await setUpHappened(t.deps, { account });
    const b = await setUpCandidate(t.deps, { account, advocate: await createAdvocate(t.deps, account.id) });
    const res = await (await t.signedInAs(['sales'])).get(`/api/accounts/${account.id}/activities`);
    expect(res.statusCode).toBe(200);
    const ids = idsOf(res);
    expect(ids).toHaveLength(2);
    expect(ids).toEqual(expect.arrayContaining([(await activityOfCandidate(t.deps, a.candidate.id)).id, (await activityOfCandidate(t.deps, b.candidate.id)).id]));
    expect(res.json().load).toMatchObject({ capUnits: 10, usedUnits: 2, upcoming: 1, restUntil: null });
    expect((await admin.get(`/api/accounts/${crypto.randomUUID()}/activities`)).statusCode).toBe(404);
  });
});

describe('the API description', () => {
  it('documents every closing-the-loop route', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    for (const [path, method] of [
      ['/api/activities', 'get'],
      ['/api/activities', 'post'],
      ['/api/activities/{id}', 'get'],
      ['/api/advocates/{id}/activities', 'get'],
      ['/api/accounts/{id}/activities', 'get'],
      ['/api/activities/{id}/debriefs', 'post'],
      ['/api/activities/{id}/redo', 'post'],
      ['/api/ask/{token}/debrief', 'post'],
      ['/api/activities/{id}/thank-yous', 'post'],
      ['/api/advocates/{id}/thank-yous', 'get'],
      ['/api/opportunities/{id}/outcome', 'post'],
      ['/api/requests/{id}/candidates/{candidateId}/schedule', 'post'],
      ['/api/requests/{id}/candidates/{candidateId}/accept-proposed-date', 'post'],
      ['/api/requests/{id}/candidates/{candidateId}/invitation.ics', 'get'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
  });
});
