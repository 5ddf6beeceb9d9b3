import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { accounts, organizations, users, type UserRow } from '../../src/db/schema/index.js';
import type { Role, Team } from '../../src/domain/roles.js';
import { hashPassword } from '../../src/services/auth/secrets.js';
import type { Actor } from '../../src/services/context.js';

/** A password that passes the policy; every factory user has it unless told otherwise. */
export const TEST_PASSWORD = 'correct horse battery staple 42';
let cachedHash: Promise<string> | undefined;

export async function createOrganization(db: Db, name = 'Northwind Testing'): Promise<void> {
  await db.insert(organizations).values({ name });
}

/** A user as the services see the person acting (no network address: a test, not a request). */
export function actorOf(user: UserRow): Actor {
  return { userId: user.id, email: user.email, name: user.name, roles: user.roles, team: user.team, ip: null };
}

export async function createUser(
  db: Db,
  overrides: Partial<{ email: string; name: string; roles: Role[]; team: Team; password: string; status: 'active' | 'deactivated' }> = {},
): Promise<UserRow> {
  const suffix = randomBytes(4).toString('hex');
  const passwordHash = overrides.password ? await hashPassword(overrides.password) : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `user-${suffix}@example.com`,
      name: overrides.name ?? `Test User ${suffix}`,
      roles: overrides.roles ?? ['sales'],
      team: overrides.team ?? 'sales',
      status: overrides.status ?? 'active',
      passwordHash,
    })
    .returning();
  if (!user) throw new Error('factory insert failed');
  return user;
}

export async function createAccount(
  db: Db,
  overrides: Partial<typeof accounts.$inferInsert> = {},
): Promise<typeof accounts.$inferSelect> {
  const [account] = await db
    .insert(accounts)
    .values({ name: `Account ${randomBytes(4).toString('hex')}`, industryKey: 'software', hqCountry: 'US', employeeCount: 1200, ...overrides })
    .returning();
  if (!account) throw new Error('factory insert failed');
  return account;
}
