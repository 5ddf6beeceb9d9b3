import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocates, auditEvents, outboxMessages } from '../../../db/schema/index.js';
import { ROLES } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount, createUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';
import { portalRequest, signInAdvocate } from '../../../../test/helpers/portal-session.js';
import { createActiveAdvocate } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let admin: ApiClient;
let owner: ApiClient;
let ownedAccountId: string;
let otherAccountId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  const ownerUser = await createUser(t.deps.db, { roles: ['owner'] });
  owner = t.client();
  await owner.signIn(ownerUser.email, TEST_PASSWORD);
  ownedAccountId = (await createAccount(t.deps.db, { ownerUserId: ownerUser.id })).id;
  otherAccountId = (await createAccount(t.deps.db)).id;
});
afterAll(() => t.close());

/** An advocate who proposed `changes` in the portal; returns the change's id. */
async function proposal(changes: Record<string, unknown>, accountId = otherAccountId, overrides: Partial<typeof advocates.$inferInsert> = {}) {
  const advocate = await createActiveAdvocate(t.deps.db, accountId, { topicKeys: ['security'], timeZone: 'Europe/Paris', ...overrides });
  const session = await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now());
  const res = await portalRequest(t.app, session, { method: 'POST', url: '/api/portal/profile-changes', payload: { changes } });
  expect(res.statusCode, res.body).toBe(201);
  t.clock.advance(1000);
  return { advocate, session, changeId: res.json().change.id as string };
}
const advocateRow = async (id: string) => (await t.deps.db.select().from(advocates).where(eq(advocates.id, id)))[0]!;

describe('GET /api/profile-changes', () => {
  it('lists waiting proposals first, keyset-paged, with the pending count', async () => {
    const a = await proposal({ title: 'One' });
    const b = await proposal({ title: 'Two' });
    const c = await proposal({ title: 'Three' });
    expect((await admin.post(`/api/profile-changes/${a.changeId}/reject`, { note: 'Not now' })).statusCode).toBe(200);
    const first = await admin.get('/api/profile-changes?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items.map((i: { id: string }) => i.id)).toEqual([c.changeId, b.changeId]);
    expect(first.json().pendingCount).toBeGreaterThanOrEqual(2);
    const second = await admin.get(`/api/profile-changes?limit=2&cursor=${first.json().nextCursor}`);
    expect(second.json().items[0]).toMatchObject({ id: a.changeId, status: 'rejected', decisionNote: 'Not now', fields: ['title'] });
    const pending = await admin.get(`/api/profile-changes?status=pending&advocateId=${b.advocate.id}`);
    expect(pending.json()).toMatchObject({ items: [{ id: b.changeId, advocate: { id: b.advocate.id } }], pendingCount: 1, nextCursor: null });
    expect((await admin.get('/api/profile-changes?cursor=bogus')).statusCode).toBe(400);
  });

  it('shows relationship owners their accounts’ proposals, read-only, and nobody else any', async () => {
    const mine = await proposal({ title: 'Owned' }, ownedAccountId);
    const other = await proposal({ title: 'Other' }, otherAccountId);
    const listed = await owner.get('/api/profile-changes');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([mine.changeId]);
    const detail = await owner.get(`/api/profile-changes/${mine.changeId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().canDecide).toBe(false);
    expect((await owner.get(`/api/profile-changes/${other.changeId}`)).statusCode).toBe(403);
    expect((await owner.post(`/api/profile-changes/${mine.changeId}/approve`, {})).statusCode).toBe(403);
    expect((await owner.post(`/api/profile-changes/${mine.changeId}/reject`, { note: 'x' })).statusCode).toBe(403);
    for (const role of ROLES.filter((r) => r !== 'admin' && r !== 'owner')) {
      const client = await t.signedInAs([role]);
      expect((await client.get('/api/profile-changes')).statusCode, role).toBe(403);
      expect((await client.get(`/api/profile-changes/${mine.changeId}`)).statusCode, role).toBe(403);
      expect((await client.post(`/api/profile-changes/${mine.changeId}/approve`, {})).statusCode, role).toBe(403);
    }
    expect((await t.client().get('/api/profile-changes')).statusCode).toBe(401);
    // An advocate's portal session is not a user's.
    expect((await portalRequest(t.app, mine.session, { method: 'GET', url: '/api/profile-changes' })).statusCode).toBe(401);
    expect((await admin.get('/api/profile-changes/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('GET /api/profile-changes/:id', () => {
  it('diffs before, proposed and now, flags fields changed since, and audits showing the e-mail', async () => {
    const { advocate, changeId } = await proposal({ title: 'Chief Data Officer', email: 'new.address@customer.example', topicKeys: ['security', 'migration'] });
    await t.deps.db.update(advocates).set({ title: 'Head of Data' }).where(eq(advocates.id, advocate.id));
    const res = await admin.get(`/api/profile-changes/${changeId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'pending', canDecide: true, advocate: { id: advocate.id }, fields: ['title', 'email', 'topicKeys'] });
    expect(res.json().diff).toEqual([
      { field: 'title', label: 'Job title', before: 'VP Data', proposed: 'Chief Data Officer', current: 'Head of Data', changedSinceProposal: true, alreadyApplied: false, applied: null },
      { field: 'email', label: 'E-mail', before: advocate.email, proposed: 'new.address@customer.example', current: advocate.email, changedSinceProposal: false, alreadyApplied: false, applied: null },
      { field: 'topicKeys', label: 'Topics', before: ['security'], proposed: ['security', 'migration'], current: ['security'], changedSinceProposal: false, alreadyApplied: false, applied: null },
    ]);
    const reveals = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'protected_field.revealed'), eq(auditEvents.targetId, advocate.id)));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]!.details).toMatchObject({ fields: ['email'] });
    // The list names the fields but carries no values.
    expect(JSON.stringify((await admin.get('/api/profile-changes')).json())).not.toContain('new.address@customer.example');
  });
});

describe('deciding a proposal', () => {
  it('approves: applies the values in one step, verifies the profile, audits and tells the advocate', async () => {
    const { advocate, session, changeId } = await proposal({ title: 'Chief Data Officer', topicKeys: ['security', 'migration'] });
    const res = await admin.post(`/api/profile-changes/${changeId}/approve`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', canDecide: false, decidedBy: { id: admin.userId } });
    expect(res.json().diff.map((d: { applied: boolean }) => d.applied)).toEqual([true, true]);
    const row = await advocateRow(advocate.id);
    expect(row).toMatchObject({ title: 'Chief Data Officer', topicKeys: ['security', 'migration'] });
    expect(row.lastVerifiedAt?.getTime()).toBe(t.clock.now().getTime());
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.profile_change_approved'), eq(auditEvents.targetId, advocate.id)));
    expect(audit).toMatchObject({ actorUserId: admin.userId });
    expect(audit!.details).toMatchObject({ changeId, appliedFields: ['title', 'topicKeys'], droppedFields: [] });
    const [mail] = await t.deps.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipientAdvocateId, advocate.id), eq(outboxMessages.kind, 'advocate.profile_update_decided')));
    expect(mail).toMatchObject({ recipient: advocate.email, subject: expect.stringContaining('Your profile changes are in') });
    expect(mail!.bodyText).toContain('Job title, Topics');
    const profile = (await portalRequest(t.app, session, { method: 'GET', url: '/api/portal/profile' })).json();
    expect(profile).toMatchObject({ title: 'Chief Data Officer', freshness: 'fresh', pendingChange: null, lastDecision: { id: changeId, status: 'approved' } });
    expect((await admin.post(`/api/profile-changes/${changeId}/approve`, {})).statusCode).toBe(409);
    expect((await admin.post(`/api/profile-changes/${changeId}/reject`, { note: 'late' })).statusCode).toBe(409);
  });

  it('approves a subset of the fields, the rest dropped', async () => {
    const { advocate, changeId } = await proposal({ title: 'CTO', phone: '+49 30 1234567', storyOutcomes: 'Saved 30%' });
    expect((await admin.post(`/api/profile-changes/${changeId}/approve`, { fields: ['title', 'nonsense'] })).json().errors).toEqual([{ field: 'fields.1', reason: '"nonsense" is not part of this proposal' }]);
    expect((await admin.post(`/api/profile-changes/${changeId}/approve`, { fields: [] })).statusCode).toBe(400);
    const res = await admin.post(`/api/profile-changes/${changeId}/approve`, { fields: ['title', 'storyOutcomes'], note: 'Phone kept: please call us first' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().diff.map((d: { field: string; applied: boolean }) => [d.field, d.applied])).toEqual([
      ['title', true],
      ['phone', false],
      ['storyOutcomes', true],
    ]);
    expect(await advocateRow(advocate.id)).toMatchObject({ title: 'CTO', phone: advocate.phone, storyOutcomes: 'Saved 30%' });
  });

  it('re-checks values on approval: a topic retired meanwhile or an e-mail taken is a 400 per field', async () => {
    const taken = await createActiveAdvocate(t.deps.db, otherAccountId);
    const { advocate, changeId } = await proposal({ email: taken.email, topicKeys: ['security', 'compliance'] });
    await t.deps.db.execute(sql`update taxonomy_values set retired_at = now() where facet = 'topic' and key = 'compliance'`);
    const res = await admin.post(`/api/profile-changes/${changeId}/approve`, {});
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'email', reason: 'belongs to another advocate' },
        { field: 'topicKeys.1', reason: expect.stringContaining('"compliance"') },
      ]),
    );
    expect((await advocateRow(advocate.id)).email).toBe(advocate.email);
    await t.deps.db.execute(sql`update taxonomy_values set retired_at = null where facet = 'topic' and key = 'compliance'`);
  });

  it('rejects with a note the advocate reads; the profile stays, a newer proposal supersedes', async () => {
    const { advocate, session, changeId } = await proposal({ title: 'Emperor' });
    expect((await admin.post(`/api/profile-changes/${changeId}/reject`, {})).statusCode).toBe(400);
    expect((await admin.post(`/api/profile-changes/${changeId}/reject`, { note: '  ' })).statusCode).toBe(400);
    const res = await admin.post(`/api/profile-changes/${changeId}/reject`, { note: 'Please use your job title on LinkedIn' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', decisionNote: 'Please use your job title on LinkedIn' });
    expect((await advocateRow(advocate.id)).title).toBe('VP Data');
    const [mail] = await t.deps.db.select().from(outboxMessages).where(and(eq(outboxMessages.recipientAdvocateId, advocate.id), eq(outboxMessages.kind, 'advocate.profile_update_decided')));
    expect(mail!.bodyText).toContain('Please use your job title on LinkedIn');
    const profile = (await portalRequest(t.app, session, { method: 'GET', url: '/api/portal/profile' })).json();
    expect(profile.lastDecision).toMatchObject({ status: 'rejected', note: 'Please use your job title on LinkedIn' });
    // Superseded proposals cannot be decided.
    const older = await proposal({ title: 'A' });
    const newer = await portalRequest(t.app, older.session, { method: 'POST', url: '/api/portal/profile-changes', payload: { changes: { title: 'B' } } });
    expect((await admin.post(`/api/profile-changes/${older.changeId}/approve`, {})).statusCode).toBe(409);
    expect((await admin.post(`/api/profile-changes/${newer.json().change.id}/approve`, {})).statusCode).toBe(200);
    expect((await advocateRow(older.advocate.id)).title).toBe('B');
  });
});
