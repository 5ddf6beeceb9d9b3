import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { auditEvents, organizations, users } from '../../db/schema/index.js';
import { queryRows } from '../../db/rows.js';
import { testConfig } from '../../../test/helpers/config.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { verifyPassword } from '../auth/secrets.js';
import { AppError } from '../errors.js';
import { bootstrapOrganization, DEFAULT_ADMIN_EMAIL, DEMO_USERS } from './bootstrap.js';
import { createAdmin } from './create-admin.js';

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.drop();
  db = undefined;
});

async function depsWith(env: Record<string, string>) {
  db = await createTestDatabase();
  return { db: db.database.db, config: testConfig(env), now: () => new Date(), log: pino({ level: 'silent' }) };
}

describe('first start', () => {
  it('creates the organisation, an admin and one demo user per role with generated passwords, once', async () => {
    const deps = await depsWith({ VOUCH_ORG_NAME: 'Initech' });
    const result = await bootstrapOrganization(deps);
    expect(result.created).toBe(true);
    expect(result.admin?.email).toBe(DEFAULT_ADMIN_EMAIL);
    const adminPassword = result.admin?.generatedPassword ?? '';
    expect(adminPassword.length).toBeGreaterThanOrEqual(20);
    expect(result.demoPasswordGenerated).not.toBe(adminPassword);
    const rows = await deps.db.select().from(users);
    expect(rows.map((u) => u.roles[0]).sort()).toEqual(['admin', 'exec', 'marketing', 'owner', 'owner', 'owner', 'sales']);
    const admin = rows.find((u) => u.email === DEFAULT_ADMIN_EMAIL);
    expect(await verifyPassword(admin?.passwordHash ?? '', adminPassword)).toBe(true);
    const demo = rows.find((u) => u.email === DEMO_USERS[0]?.email);
    expect(await verifyPassword(demo?.passwordHash ?? '', result.demoPasswordGenerated ?? '')).toBe(true);
    expect((await deps.db.select().from(organizations))[0]?.name).toBe('Initech');
    expect((await deps.db.select().from(auditEvents)).filter((e) => e.action === 'user.created')).toHaveLength(7);
    // The demo program: accounts owned by the demo owners, advocates with hidden contact details.
    const [program] = await queryRows<{ accounts: number; advocates: number; unowned: number; owners: number }>(
      deps.db,
      sql`select (select count(*)::int from accounts) as accounts, (select count(*)::int from advocates) as advocates,
                 (select count(*)::int from accounts where owner_user_id is null) as unowned,
                 (select count(distinct owner_user_id)::int from accounts) as owners`,
    );
    expect(program).toMatchObject({ accounts: 120, unowned: 0, owners: 3 });
    expect(program?.advocates).toBeGreaterThan(240);

    const [taxonomy] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from taxonomy_values where facet = 'country'`);
    expect(taxonomy?.n).toBeGreaterThanOrEqual(245);

    const again = await bootstrapOrganization(deps);
    expect(again).toEqual({ created: false, demoUsers: [] });
    expect(await deps.db.select().from(users)).toHaveLength(7);
    const [after] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from taxonomy_values where facet = 'country'`);
    expect(after?.n).toBe(taxonomy?.n);
  });

  it('uses the configured admin and demo passwords and never shows them back', async () => {
    const deps = await depsWith({ VOUCH_ADMIN_EMAIL: 'Boss@Example.com', VOUCH_ADMIN_PASSWORD: 'tidal forest engine 404', VOUCH_DEMO_PASSWORD: 'demo voices carry far 9' });
    const result = await bootstrapOrganization(deps);
    expect(result.admin).toMatchObject({ email: 'boss@example.com', generatedPassword: undefined });
    expect(result.demoPasswordGenerated).toBeUndefined();
  });

  it('creates no demo users when VOUCH_SEED_DEMO=false', async () => {
    const deps = await depsWith({ VOUCH_SEED_DEMO: 'false' });
    await bootstrapOrganization(deps);
    expect((await deps.db.select().from(users)).map((u) => u.roles)).toEqual([['admin']]);
    const [program] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from accounts`);
    expect(program?.n).toBe(0);
  });

  it('refuses a weak configured admin password and writes nothing', async () => {
    const deps = await depsWith({ VOUCH_ADMIN_PASSWORD: 'password123' });
    const error = await bootstrapOrganization(deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).errors?.[0]?.field).toBe('VOUCH_ADMIN_PASSWORD');
    const [count] = await queryRows<{ n: number }>(deps.db, sql`select count(*)::int as n from organizations`);
    expect(count?.n).toBe(0);
  });
});

describe('create-admin (operator recovery)', () => {
  it('creates an admin, or restores an existing user as an active admin with a new password', async () => {
    const deps = await depsWith({ VOUCH_SEED_DEMO: 'true', VOUCH_DEMO_PASSWORD: 'demo voices carry far 9' });
    await bootstrapOrganization(deps);
    const created = await createAdmin(deps, { email: 'new.admin@example.com', name: 'New Admin', password: 'granite harbour lights 3' });
    expect(created).toMatchObject({ created: true, user: { roles: ['admin'], status: 'active' } });
    const sales = DEMO_USERS[0]?.email ?? '';
    const promoted = await createAdmin(deps, { email: sales.toUpperCase(), name: 'ignored', password: 'granite harbour lights 3' });
    expect(promoted).toMatchObject({ created: false, user: { roles: ['admin', 'sales'] } });
    expect(await verifyPassword(promoted.user.passwordHash ?? '', 'granite harbour lights 3')).toBe(true);
    await expect(createAdmin(deps, { email: 'x@example.com', name: 'X', password: 'short' })).rejects.toBeInstanceOf(AppError);
  });
});
