import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { recordProtectedReveal } from '../../../services/audit/record-audit.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';
import { createUser } from '../../../../test/helpers/factories.js';

let t: TestApp;
let admin: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.signedInAs(['admin']);
});
afterAll(() => t.close());

interface Event {
  id: string;
  action: string;
  actor: { id: string } | null;
  at: string;
  details: Record<string, unknown>;
}

describe('audit log', () => {
  it('is for admins only', async () => {
    for (const role of ['sales', 'owner', 'marketing', 'exec'] as const) {
      const client = await t.signedInAs([role]);
      expect((await client.get('/api/audit-events')).statusCode).toBe(403);
    }
  });

  it('filters by action, actor and time, newest first, with pagination', async () => {
    const target = await createUser(t.deps.db);
    const before = t.clock.now();
    t.clock.advance(1000);
    await admin.patch(`/api/users/${target.id}`, { team: 'pr' });
    await admin.patch(`/api/users/${target.id}`, { team: 'digital' });
    await admin.patch(`/api/users/${target.id}`, { team: 'support' });
    const page = (await admin.get(`/api/audit-events?action=user.team_changed&actorId=${admin.userId}&limit=2`)).json();
    expect(page.items).toHaveLength(2);
    expect(page.items.map((e: Event) => e.details.to)).toEqual(['support', 'digital']);
    const rest = (await admin.get(`/api/audit-events?action=user.team_changed&actorId=${admin.userId}&limit=2&cursor=${page.nextCursor}`)).json();
    expect(rest.items.map((e: Event) => e.details.to)).toEqual(['pr']);
    const later = (await admin.get(`/api/audit-events?from=${encodeURIComponent(t.clock.now().toISOString())}`)).json();
    const all = (await admin.get(`/api/audit-events?to=${encodeURIComponent(before.toISOString())}&action=user.team_changed`)).json();
    expect(all.items).toHaveLength(0);
    expect(later.items.every((e: Event) => e.at >= t.clock.now().toISOString())).toBe(true);
    const bad = await admin.get('/api/audit-events?from=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.from');
  });

  it('records protected-field reveals through the shared hook', async () => {
    const viewer = await createUser(t.deps.db, { roles: ['sales'] });
    await recordProtectedReveal(
      t.deps.db,
      { userId: viewer.id, email: viewer.email, name: viewer.name, roles: viewer.roles, team: viewer.team, ip: '192.0.2.7' },
      { subjectType: 'advocate', subjectId: 'adv-1', fields: ['email', 'phone'], reason: 'request approved' },
    );
    const page = (await admin.get(`/api/audit-events?action=protected_field.revealed&actorId=${viewer.id}`)).json();
    expect(page.items[0]).toMatchObject({ targetType: 'advocate', targetId: 'adv-1', ip: '192.0.2.7', details: { fields: ['email', 'phone'] } });
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    const failure = (query: Promise<unknown>) =>
      query.then(
        () => 'succeeded',
        (error: Error & { cause?: Error }) => error.cause?.message ?? error.message,
      );
    expect(await failure(t.deps.db.execute(sql`update audit_events set action = 'tampered'`))).toMatch(/append-only/);
    expect(await failure(t.deps.db.execute(sql`delete from audit_events`))).toMatch(/append-only/);
    expect(await failure(t.deps.db.execute(sql`truncate audit_events`))).toMatch(/append-only/);
    expect((await admin.get('/api/audit-events?action=auth.sign_in')).json().items.length).toBeGreaterThan(0);
    const actions = (await admin.get('/api/audit-events/actions')).json().items;
    expect(actions).toContain('auth.sign_in_failed');
  });
});
