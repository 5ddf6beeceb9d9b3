import { addDays } from 'date-fns';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocates, auditEvents, impactRecords, opportunities, outboxMessages, requestEvents } from '../../../db/schema/index.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount, createUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { createAdvocate, createOpportunity, isoDay, setUpCandidate, setUpHappened } from '../scheduling/loop-fixtures.js';
import type { OpportunityRow, UserRow } from '../../../db/schema/index.js';

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
const today = () => isoDay(t.clock.now());
const outcomeUrl = (o: { id: string }) => `/api/opportunities/${o.id}/outcome`;
const messagesFor = (kind: string, opportunityId: string) =>
  t.deps.db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.kind, kind), sql`${outboxMessages.payload} ->> 'opportunityId' = ${opportunityId}`));
const impactOf = (opportunityId: string) => t.deps.db.select().from(impactRecords).where(eq(impactRecords.opportunityId, opportunityId));

/** A deal with two advocates who helped (one through a request, one logged by an admin), one still planned, and a use on another deal. */
async function wonScenario(): Promise<{ seller: UserRow; opportunity: OpportunityRow; helpedIds: string[]; helpedEmails: string[] }> {
  const seller = await createUser(t.deps.db, { roles: ['sales'] });
  const opportunity = await createOpportunity(t.deps, { ownerUserId: seller.id, amountUsd: 250_000 });
  const viaRequest = await setUpHappened(t.deps, { requester: seller, opportunity });
  const loggedAdvocate = await createAdvocate(t.deps, (await createAccount(t.deps.db)).id);
  const logged = await admin.post('/api/activities', { advocateId: loggedAdvocate.id, activityTypeKey: 'site_visit', occursOn: today(), requestingTeam: 'sales', opportunityId: opportunity.id });
  expect(logged.statusCode).toBe(201);
  await setUpCandidate(t.deps, { requester: seller, opportunity });
  await setUpHappened(t.deps, { requester: seller });
  return { seller, opportunity, helpedIds: [viaRequest.advocate.id, loggedAdvocate.id].sort(), helpedEmails: [viaRequest.advocate.email!, loggedAdvocate.email!].sort() };
}

describe('recording an opportunity won', () => {
  it('gives every advocate with a happened use an impact record and queues one "you helped us win" notice each', async () => {
    const { seller, opportunity, helpedIds, helpedEmails } = await wonScenario();
    const res = await (await clientFor(seller)).post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      opportunity: { outcome: 'won', amountWonUsd: 250_000, closedOn: today(), lossReason: null },
      changed: true,
      impactRecords: 2,
      newImpactRecords: 2,
      advocatesNotified: 2,
      requestersAsked: 0,
    });
    const records = await impactOf(opportunity.id);
    expect(records.map((r) => r.advocateId).sort()).toEqual(helpedIds);
    expect(records.every((r) => r.amountWonUsd === 250_000 && r.wonOn === today())).toBe(true);
    const notices = await messagesFor('advocate.helped_win', opportunity.id);
    expect(notices.map((m) => m.recipient).sort()).toEqual(helpedEmails);
    expect(notices[0]).toMatchObject({ status: 'held', subject: 'You helped us win: thank you from Northwind Testing' });
    expect(notices[0]?.bodyText).toContain('Globex chose Northwind Testing');
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'opportunity.outcome_recorded'), eq(auditEvents.targetId, opportunity.id)));
    expect(audit?.details).toMatchObject({ from: 'open', outcome: 'won', newImpactRecords: 2, advocatesNotified: 2 });
    const wonEvents = await t.deps.db.select().from(requestEvents).where(eq(requestEvents.kind, 'opportunity_won'));
    expect(wonEvents.filter((e) => e.data.opportunityId === opportunity.id)).toHaveLength(2);
  });

  it('is idempotent: the same outcome again adds no record and no notice; a new amount updates the records', async () => {
    const { opportunity } = await wonScenario();
    expect((await admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today(), amountWonUsd: 240_000 })).statusCode).toBe(200);
    const again = await admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today(), amountWonUsd: 240_000 });
    expect(again.json()).toMatchObject({ changed: false, impactRecords: 2, newImpactRecords: 0, advocatesNotified: 0 });
    const corrected = await admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today(), amountWonUsd: 260_000 });
    expect(corrected.json()).toMatchObject({ changed: true, newImpactRecords: 0, advocatesNotified: 0, opportunity: { amountWonUsd: 260_000 } });
    expect((await impactOf(opportunity.id)).map((r) => r.amountWonUsd)).toEqual([260_000, 260_000]);
    expect(await messagesFor('advocate.helped_win', opportunity.id)).toHaveLength(2);
    const audits = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'opportunity.outcome_recorded'), eq(auditEvents.targetId, opportunity.id)));
    expect(audits).toHaveLength(2);
  });

  it('thanks an advocate whose use is recorded after the win, when the win is recorded again', async () => {
    const { seller, opportunity } = await wonScenario();
    expect((await admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today() })).statusCode).toBe(200);
    const late = await setUpHappened(t.deps, { requester: seller, opportunity });
    const res = await admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today() });
    expect(res.json()).toMatchObject({ impactRecords: 3, newImpactRecords: 1, advocatesNotified: 1 });
    const notices = await messagesFor('advocate.helped_win', opportunity.id);
    expect(notices.filter((m) => m.recipient === late.advocate.email)).toHaveLength(1);
    expect(notices).toHaveLength(3);
  });

  it('keeps the impact record but queues nothing for an advocate without an e-mail', async () => {
    const seller = await createUser(t.deps.db, { roles: ['sales'] });
    const opportunity = await createOpportunity(t.deps, { ownerUserId: seller.id });
    const s = await setUpHappened(t.deps, { requester: seller, opportunity });
    await t.deps.db.update(advocates).set({ email: null }).where(eq(advocates.id, s.advocate.id));
    const res = await admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today() });
    expect(res.json()).toMatchObject({ newImpactRecords: 1, advocatesNotified: 0 });
  });

  it('refuses the other outcome once one is recorded (409)', async () => {
    const { opportunity } = await wonScenario();
    expect((await admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today() })).statusCode).toBe(200);
    const lost = await admin.post(outcomeUrl(opportunity), { outcome: 'lost', closedOn: today() });
    expect(lost.statusCode).toBe(409);
    const [row] = await t.deps.db.select().from(opportunities).where(eq(opportunities.id, opportunity.id));
    expect(row?.outcome).toBe('won');
  });
});

describe('recording an opportunity lost', () => {
  it('asks each requester of its requests what happened (outbox and timeline), except the owner who just said why', async () => {
    const seller = await createUser(t.deps.db, { roles: ['sales'] });
    const colleague = await createUser(t.deps.db, { roles: ['sales'] });
    const opportunity = await createOpportunity(t.deps, { ownerUserId: seller.id, name: 'Globex expansion' });
    const mine = await setUpCandidate(t.deps, { requester: seller, opportunity });
    const theirs = await setUpHappened(t.deps, { requester: colleague, opportunity });
    const res = await (await clientFor(seller)).post(outcomeUrl(opportunity), { outcome: 'lost', closedOn: today(), lossReason: 'Went with a cheaper rival' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ opportunity: { outcome: 'lost', amountWonUsd: null, lossReason: 'Went with a cheaper rival' }, requestersAsked: 1, impactRecords: 0 });
    const asked = await messagesFor('request.loss_question', opportunity.id);
    expect(asked.map((m) => m.recipient)).toEqual([colleague.email]);
    expect(asked[0]?.subject).toBe('Lost: Globex expansion, what happened?');
    expect(asked[0]?.bodyText).toContain(`R-${theirs.request.number}`);
    expect(asked[0]?.bodyText).toContain(`/opportunities/${opportunity.id}`);
    const events = await t.deps.db.select().from(requestEvents).where(eq(requestEvents.kind, 'opportunity_lost'));
    const onDeal = events.filter((e) => e.data.opportunityId === opportunity.id);
    expect(onDeal.map((e) => [e.requestId, e.data.requesterAsked]).sort()).toEqual(
      [
        [mine.request.id, false],
        [theirs.request.id, true],
      ].sort(),
    );
    expect(await impactOf(opportunity.id)).toHaveLength(0);

    // The colleague answers with what happened; asking again does not happen.
    const answer = await (await clientFor(colleague)).post(outcomeUrl(opportunity), { outcome: 'lost', closedOn: today(), lossReason: 'Security review failed' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ changed: true, requestersAsked: 0, opportunity: { lossReason: 'Security review failed' } });
    expect(await messagesFor('request.loss_question', opportunity.id)).toHaveLength(1);
    // A requester may explain a loss, not record a win or anything on an open deal.
    expect((await (await clientFor(colleague)).post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today() })).statusCode).toBe(403);
  });

  it('asks the owner too when they gave no reason, once', async () => {
    const seller = await createUser(t.deps.db, { roles: ['sales'] });
    const opportunity = await createOpportunity(t.deps, { ownerUserId: seller.id });
    await setUpCandidate(t.deps, { requester: seller, opportunity });
    expect((await admin.post(outcomeUrl(opportunity), { outcome: 'lost', closedOn: today() })).json().requestersAsked).toBe(1);
    expect((await admin.post(outcomeUrl(opportunity), { outcome: 'lost', closedOn: today() })).json()).toMatchObject({ changed: false, requestersAsked: 0 });
    expect((await messagesFor('request.loss_question', opportunity.id)).map((m) => m.recipient)).toEqual([seller.email]);
  });
});

describe('who may record an outcome, and what', () => {
  it('lets the opportunity’s owner and admins; refuses other roles, requesters on an open deal and anonymous callers', async () => {
    const seller = await createUser(t.deps.db, { roles: ['sales'] });
    const colleague = await createUser(t.deps.db, { roles: ['sales'] });
    const opportunity = await createOpportunity(t.deps, { ownerUserId: seller.id });
    await setUpCandidate(t.deps, { requester: colleague, opportunity });
    const body = { outcome: 'lost', closedOn: today(), lossReason: 'Budget cut' };
    expect((await t.client().post(outcomeUrl(opportunity), body)).statusCode).toBe(401);
    expect((await (await clientFor(colleague)).post(outcomeUrl(opportunity), body)).statusCode).toBe(403);
    for (const role of ['sales', 'owner', 'marketing', 'exec'] as const) {
      expect((await (await t.signedInAs([role])).post(outcomeUrl(opportunity), body)).statusCode, role).toBe(403);
    }
    expect((await admin.post(`/api/opportunities/${crypto.randomUUID()}/outcome`, body)).statusCode).toBe(404);
    const [row] = await t.deps.db.select().from(opportunities).where(eq(opportunities.id, opportunity.id));
    expect(row?.outcome).toBe('open');
  });

  it('validates the outcome and its facts', async () => {
    const opportunity = await createOpportunity(t.deps, { ownerUserId: admin.userId! });
    for (const [body, field] of [
      [{ outcome: 'open', closedOn: today() }, 'outcome'],
      [{ outcome: 'won' }, 'closedOn'],
      [{ outcome: 'won', closedOn: isoDay(addDays(t.clock.now(), 3)) }, 'closedOn'],
      [{ outcome: 'lost', closedOn: today(), amountWonUsd: 5 }, 'amountWonUsd'],
      [{ outcome: 'won', closedOn: today(), lossReason: 'n/a' }, 'lossReason'],
      [{ outcome: 'won', closedOn: today(), amountWonUsd: -1 }, 'amountWonUsd'],
    ] as const) {
      const res = await admin.post(outcomeUrl(opportunity), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(res.json().errors)).toContain(field);
    }
    const [row] = await t.deps.db.select().from(opportunities).where(eq(opportunities.id, opportunity.id));
    expect(row?.outcome).toBe('open');
  });

  it('records the win once under concurrent calls', async () => {
    const { opportunity } = await wonScenario();
    const results = await Promise.all(Array.from({ length: 5 }, () => admin.post(outcomeUrl(opportunity), { outcome: 'won', closedOn: today() })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(5).fill(200));
    expect(results.filter((r) => r.json().newImpactRecords === 2)).toHaveLength(1);
    expect(await impactOf(opportunity.id)).toHaveLength(2);
    expect(await messagesFor('advocate.helped_win', opportunity.id)).toHaveLength(2);
  });
});

