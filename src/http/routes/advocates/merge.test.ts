import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, advocateBlackouts, advocateSearch, advocates, auditEvents, referenceRequests, requestCandidates } from '../../../db/schema/index.js';
import type { Role } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: ApiClient;
let ownerA: ApiClient;
let accountA: string;
let accountB: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
  ownerA = await t.signedInAs(['owner']);
  accountA = (await createAccount(t.deps.db, { name: 'Alpha Bank', ownerUserId: ownerA.userId })).id;
  accountB = (await createAccount(t.deps.db, { name: 'Beta Retail' })).id;
});
afterAll(() => t.close());

let n = 0;
async function insertAdvocate(values: Partial<typeof advocates.$inferInsert> = {}) {
  n += 1;
  const [row] = await t.deps.db
    .insert(advocates)
    .values({ accountId: accountA, firstName: 'Dana', lastName: `Okafor${n}`, ...values })
    .returning();
  if (!row) throw new Error('insert failed');
  return row;
}

const consent = { at: '2026-01-10T09:00:00Z', method: 'Signed reference agreement', scope: ['reference_call'] };

describe('advocate merge', () => {
  it('merges the duplicate into the survivor in one go and deletes it', async () => {
    const survivor = await insertAdvocate({
      lastName: 'Merge',
      email: 'dana@alpha.example',
      title: 'VP Data',
      topicKeys: ['security'],
      languageKeys: ['en'],
      willingness: { reference_call: 'no', case_study: 'yes' },
      lastVerifiedAt: new Date('2025-01-01T00:00:00Z'),
      points: 30,
      status: 'active',
      consent,
    });
    const duplicate = await insertAdvocate({
      lastName: 'Merge',
      email: 'd.okafor@alpha.example',
      phone: '+44 20 7946 0000',
      title: 'Director',
      country: 'GB',
      crmId: 'CRM-77',
      topicKeys: ['security', 'migration'],
      languageKeys: ['fr'],
      willingness: { reference_call: 'yes', webinar: 'ask_first' },
      lastVerifiedAt: new Date('2025-06-01T00:00:00Z'),
      points: 12,
      storyOutcomes: 'Cut the close from 9 days to 2.',
    });
    await t.deps.db.insert(advocateBlackouts).values([
      { advocateId: survivor.id, startsOn: '2026-08-01', endsOn: '2026-08-15' },
      { advocateId: duplicate.id, startsOn: '2026-08-01', endsOn: '2026-08-15' },
      { advocateId: duplicate.id, startsOn: '2026-12-20', endsOn: '2027-01-02', reason: 'Holidays' },
    ]);

    const res = await admin.post(`/api/advocates/${survivor.id}/merge`, { duplicateId: duplicate.id, fields: { title: 'duplicate' } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      id: survivor.id,
      title: 'Director',
      country: 'GB',
      crmId: 'CRM-77',
      topicKeys: ['security', 'migration'],
      languageKeys: ['en', 'fr'],
      willingness: { reference_call: 'yes', case_study: 'yes', webinar: 'ask_first' },
      lastVerifiedAt: '2025-06-01T00:00:00.000Z',
      points: 42,
      status: 'active',
      consent: { method: 'Signed reference agreement' },
      story: { outcomes: 'Cut the close from 9 days to 2.' },
      contact: { hasEmail: true, hasPhone: true },
    });
    expect(body.blackouts.map((b: { startsOn: string }) => b.startsOn)).toEqual(['2026-08-01', '2026-12-20']);
    expect(res.body).not.toContain('alpha.example');

    const [stored] = await t.deps.db.select().from(advocates).where(eq(advocates.id, survivor.id));
    expect(stored?.email).toBe('dana@alpha.example');
    expect(stored?.phone).toBe('+44 20 7946 0000');
    expect((await admin.get(`/api/advocates/${duplicate.id}`)).statusCode).toBe(404);

    // The search sees the merged record at once, and no longer the duplicate.
    const search = await admin.get('/api/advocates/search?q=merge&topic=migration&status=active,nominated&limit=100');
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().items.map((i: { advocate: { id: string } }) => i.advocate.id)).toEqual([survivor.id]);

    const [event] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.merged'), eq(auditEvents.targetId, survivor.id)));
    expect(event?.details).toMatchObject({ duplicateId: duplicate.id, droppedFromDuplicate: ['email'], blackoutsMoved: 1 });
    const logged = JSON.stringify(event?.details);
    expect(logged).toContain('Cut the close');
    expect(logged).not.toContain('d.okafor@alpha.example');
    expect(logged).not.toContain('7946');
  });

  it('moves the duplicate’s e-mail to a survivor without one (the unique index holds)', async () => {
    const survivor = await insertAdvocate();
    const duplicate = await insertAdvocate({ email: 'moving@alpha.example', crmId: 'CRM-MOVE' });
    const res = await admin.post(`/api/advocates/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode, res.body).toBe(200);
    const [stored] = await t.deps.db.select().from(advocates).where(eq(advocates.id, survivor.id));
    expect(stored).toMatchObject({ email: 'moving@alpha.example', crmId: 'CRM-MOVE' });
  });

  it('moves the duplicate’s history (activities, candidacies) so caps and last use stay true', async () => {
    const survivor = await insertAdvocate();
    const duplicate = await insertAdvocate();
    const [request] = await t.deps.db
      .insert(referenceRequests)
      .values({ requesterUserId: admin.userId!, team: 'sales', activityTypeKey: 'reference_call', neededBy: '2026-12-01', status: 'in_progress' })
      .returning();
    const [candidate] = await t.deps.db.insert(requestCandidates).values({ requestId: request!.id, advocateId: duplicate.id, accountId: accountA, status: 'owner_pending' }).returning();
    await t.deps.db.insert(activities).values({ advocateId: duplicate.id, accountId: accountA, activityTypeKey: 'press_quote', status: 'happened', occursOn: '2026-04-02', weight: 1 });

    const res = await admin.post(`/api/advocates/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(await t.deps.db.select({ id: activities.id }).from(activities).where(eq(activities.advocateId, survivor.id))).toHaveLength(1);
    const [moved] = await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, candidate!.id));
    expect(moved?.advocateId).toBe(survivor.id);
    const [search] = await t.deps.db.select({ lastUsedOn: advocateSearch.lastUsedOn }).from(advocateSearch).where(eq(advocateSearch.advocateId, survivor.id));
    expect(search?.lastUsedOn).toBe('2026-04-02');
  });

  it('refuses to merge two candidates of the same request, and changes nothing', async () => {
    const survivor = await insertAdvocate();
    const duplicate = await insertAdvocate();
    const [request] = await t.deps.db
      .insert(referenceRequests)
      .values({ requesterUserId: admin.userId!, team: 'sales', activityTypeKey: 'reference_call', neededBy: '2026-12-01', status: 'in_progress', referencesNeeded: 2 })
      .returning();
    for (const advocate of [survivor, duplicate]) {
      await t.deps.db.insert(requestCandidates).values({ requestId: request!.id, advocateId: advocate.id, accountId: accountA, status: 'owner_pending' });
    }
    const res = await admin.post(`/api/advocates/${survivor.id}/merge`, { duplicateId: duplicate.id });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ detail: string }>().detail).toContain(`R-${request!.number}`);
    expect(await t.deps.db.select({ id: advocates.id }).from(advocates).where(eq(advocates.id, duplicate.id))).toHaveLength(1);
  });

  it('refuses merging an advocate with itself, a missing duplicate, or across accounts unless allowed', async () => {
    const a = await insertAdvocate();
    const self = await admin.post(`/api/advocates/${a.id}/merge`, { duplicateId: a.id });
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0].field).toBe('duplicateId');

    const missing = await admin.post(`/api/advocates/${a.id}/merge`, { duplicateId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(400);
    expect((await admin.post(`/api/advocates/00000000-0000-4000-8000-000000000000/merge`, { duplicateId: a.id })).statusCode).toBe(404);

    const elsewhere = await insertAdvocate({ accountId: accountB });
    const across = await admin.post(`/api/advocates/${a.id}/merge`, { duplicateId: elsewhere.id });
    expect(across.statusCode).toBe(409);
    expect(across.json().errors[0]).toMatchObject({ field: 'duplicateId', reason: expect.stringContaining('allowDifferentAccounts') });
    expect((await admin.get(`/api/advocates/${elsewhere.id}`)).statusCode).toBe(200);

    const allowed = await admin.post(`/api/advocates/${a.id}/merge`, { duplicateId: elsewhere.id, allowDifferentAccounts: true, fields: { accountId: 'duplicate' } });
    expect(allowed.statusCode, allowed.body).toBe(200);
    expect(allowed.json().account.id).toBe(accountB);
  });

  it('refuses a merged record that would be active without consent, and changes nothing', async () => {
    const survivor = await insertAdvocate({ status: 'active', consent });
    const duplicate = await insertAdvocate({ status: 'paused' });
    const res = await admin.post(`/api/advocates/${survivor.id}/merge`, { duplicateId: duplicate.id, fields: { consent: 'duplicate' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('fields.status');
    expect((await admin.get(`/api/advocates/${duplicate.id}`)).statusCode).toBe(200);
  });

  it('validates the body', async () => {
    const a = await insertAdvocate();
    const bad = await admin.post(`/api/advocates/${a.id}/merge`, { duplicateId: 'nope', fields: { title: 'both' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['duplicateId', 'fields.title']);
    expect((await admin.post(`/api/advocates/${a.id}/merge`, { duplicateId: a.id, fields: { email2: 'survivor' } })).statusCode).toBe(400);
    expect((await admin.post(`/api/advocates/${a.id}/merge`, { duplicateId: a.id, extra: true })).statusCode).toBe(400);
  });

  it('lists likely duplicates: same e-mail, same name at the account, same name elsewhere', async () => {
    const subject = await insertAdvocate({ firstName: 'Priya', lastName: 'Raman', email: 'priya@alpha.example' });
    const sameAccount = await insertAdvocate({ firstName: 'priya ', lastName: 'RAMAN' });
    const elsewhere = await insertAdvocate({ firstName: 'Priya', lastName: 'Raman', accountId: accountB });
    await insertAdvocate({ firstName: 'Priya', lastName: 'Ramanathan' });
    const res = await admin.get(`/api/advocates/${subject.id}/duplicates`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { advocate: { id: string }; reasons: string[] }[];
    expect(items.map((i) => [i.advocate.id, i.reasons])).toEqual([
      [sameAccount.id, ['same_name_same_account']],
      [elsewhere.id, ['same_name']],
    ]);
    expect((await admin.get('/api/advocates/00000000-0000-4000-8000-000000000000/duplicates')).statusCode).toBe(404);
  });

  it('is for admins only; everyone else gets 403 and anonymous 401', async () => {
    const a = await insertAdvocate();
    const b = await insertAdvocate();
    const roles: Role[] = ['sales', 'owner', 'marketing', 'exec'];
    for (const role of roles) {
      const client = role === 'owner' ? ownerA : await t.signedInAs([role]);
      expect((await client.post(`/api/advocates/${a.id}/merge`, { duplicateId: b.id })).statusCode, role).toBe(403);
      expect((await client.get(`/api/advocates/${a.id}/duplicates`)).statusCode, role).toBe(403);
    }
    const anonymous = t.client();
    expect((await anonymous.post(`/api/advocates/${a.id}/merge`, { duplicateId: b.id })).statusCode).toBe(401);
    expect((await anonymous.get(`/api/advocates/${a.id}/duplicates`)).statusCode).toBe(401);
    expect((await admin.get(`/api/advocates/${b.id}`)).statusCode).toBe(200);
  });
});
