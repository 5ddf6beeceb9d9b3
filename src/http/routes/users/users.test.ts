import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../../db/schema/index.js';
import { ROLES, type Role } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser, TEST_PASSWORD } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

const NON_ADMIN_ROLES = ROLES.filter((r): r is Exclude<Role, 'admin'> => r !== 'admin');

describe('who may manage users', () => {
  it('refuses anonymous callers with 401', async () => {
    const target = await createUser(t.deps.db);
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', `/api/users/${target.id}`],
      ['PATCH', `/api/users/${target.id}`],
      ['POST', `/api/users/${target.id}/deactivate`],
    ] as const) {
      const res = await t.client().request({ method, url, payload: method === 'GET' ? undefined : { team: 'pr' } });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
  });

  it.each(NON_ADMIN_ROLES)('refuses the %s role with 403 on every admin action', async (role) => {
    const client = await t.signedInAs([role]);
    const target = await createUser(t.deps.db);
    expect((await client.get('/api/users')).statusCode).toBe(403);
    expect((await client.get(`/api/users/${target.id}`)).statusCode).toBe(403);
    expect((await client.patch(`/api/users/${target.id}`, { roles: ['admin'] })).statusCode).toBe(403);
    expect((await client.patch(`/api/users/${client.userId}`, { roles: ['admin'] })).statusCode).toBe(403);
    expect((await client.post(`/api/users/${target.id}/deactivate`)).statusCode).toBe(403);
    // Object-level: a user may read their own record.
    expect((await client.get(`/api/users/${client.userId}`)).statusCode).toBe(200);
  });
});

describe('admin user management', () => {
  it('lists with filters and keyset pagination', async () => {
    const marker = `Zebra${Date.now()}`;
    for (let i = 0; i < 5; i++) await createUser(t.deps.db, { name: `${marker} ${i}`, roles: i % 2 ? ['owner'] : ['marketing'], team: 'pr' });
    const first = await admin.get(`/api/users?q=${marker}&limit=2`);
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await admin.get(`/api/users?q=${marker}&limit=2&cursor=${page1.nextCursor}`)).json();
    const page3 = (await admin.get(`/api/users?q=${marker}&limit=2&cursor=${page2.nextCursor}`)).json();
    expect(page3.nextCursor).toBeNull();
    const names = [...page1.items, ...page2.items, ...page3.items].map((u: { name: string }) => u.name);
    expect(new Set(names).size).toBe(5);
    const owners = (await admin.get(`/api/users?q=${marker}&role=owner`)).json();
    expect(owners.items.map((u: { roles: Role[] }) => u.roles)).toEqual([['owner'], ['owner']]);
  });

  it('changes roles and team, and audits each change', async () => {
    const target = await createUser(t.deps.db, { roles: ['sales'], team: 'sales' });
    const res = await admin.patch(`/api/users/${target.id}`, { roles: ['owner', 'sales'], team: 'customer_success' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ roles: ['sales', 'owner'], team: 'customer_success' });
    const events = await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, target.id));
    const roleChange = events.find((e) => e.action === 'user.roles_changed');
    expect(roleChange?.details).toEqual({ from: ['sales'], to: ['sales', 'owner'] });
    expect(roleChange?.actorUserId).toBe(admin.userId);
    expect(events.some((e) => e.action === 'user.team_changed')).toBe(true);
  });

  it('rejects an empty role list and unknown fields', async () => {
    const target = await createUser(t.deps.db);
    expect((await admin.patch(`/api/users/${target.id}`, { roles: [] })).json().errors[0].field).toBe('roles');
    expect((await admin.patch(`/api/users/${target.id}`, { email: 'x@example.com' })).statusCode).toBe(400);
  });

  it('answers 404 for a user that does not exist', async () => {
    expect((await admin.get('/api/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('deactivation ends the user’s sessions at once and blocks sign-in; reactivation restores it', async () => {
    const target = await createUser(t.deps.db);
    const victim = t.client();
    await victim.signIn(target.email, TEST_PASSWORD);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    const res = await admin.post(`/api/users/${target.id}/deactivate`);
    expect(res.json().status).toBe('deactivated');
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    expect((await t.client().signIn(target.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await admin.post(`/api/users/${target.id}/reactivate`)).json().status).toBe('active');
    expect((await t.client().signIn(target.email, TEST_PASSWORD)).statusCode).toBe(200);
    const actions = (await t.deps.db.select().from(auditEvents).where(eq(auditEvents.targetId, target.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.deactivated', 'user.reactivated']));
  });

  it('keeps at least one active admin and never lets admins lock themselves out', async () => {
    const fresh = await createTestApp();
    try {
      const onlyAdmin = await fresh.signedInAs(['admin']);
      const self = onlyAdmin.userId ?? '';
      expect((await onlyAdmin.post(`/api/users/${self}/deactivate`)).statusCode).toBe(403);
      const demote = await onlyAdmin.patch(`/api/users/${self}`, { roles: ['sales'] });
      expect(demote.statusCode).toBe(400);
      expect(demote.json().errors[0].field).toBe('roles');
      const second = await createUser(fresh.deps.db, { roles: ['admin'] });
      expect((await onlyAdmin.post(`/api/users/${second.id}/deactivate`)).statusCode).toBe(200);
      // Demoting the other admin while they are deactivated is fine; demoting the last active one is not.
      const third = await createUser(fresh.deps.db, { roles: ['admin'] });
      expect((await onlyAdmin.patch(`/api/users/${third.id}`, { roles: ['exec'] })).statusCode).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe('status counts for the admin home', () => {
  it('counts users, invitations and outbox messages by status, for admins only', async () => {
    const fresh = await createTestApp();
    try {
      const boss = await fresh.signedInAs(['admin']);
      await createUser(fresh.deps.db, { status: 'deactivated' });
      await boss.post('/api/invitations', { email: 'count.me@example.com', name: 'Count Me', roles: ['sales'], team: 'sales' });
      expect((await boss.get('/api/users/counts')).json()).toEqual({ active: 1, deactivated: 1 });
      expect((await boss.get('/api/invitations/counts')).json()).toEqual({ pending: 1, accepted: 0, revoked: 0, expired: 0 });
      expect((await boss.get('/api/outbox-messages/counts')).json()).toEqual({ pending: 0, sent: 0, failed: 0, dead: 0, held: 1 });
      fresh.clock.advance(fresh.config.invitationTtlMs + 1);
      const again = await fresh.signedInAs(['admin']);
      expect((await again.get('/api/invitations/counts')).json()).toMatchObject({ pending: 0, expired: 1 });
      const seller = await fresh.signedInAs(['sales']);
      for (const url of ['/api/users/counts', '/api/invitations/counts', '/api/outbox-messages/counts']) {
        expect((await seller.get(url)).statusCode, url).toBe(403);
      }
    } finally {
      await fresh.close();
    }
  });
});
