import { eq, sql } from 'drizzle-orm';
import { users, type UserRow } from '../../db/schema/index.js';
import { checkPassword } from '../../domain/password-policy.js';
import { normalizeRoles } from '../../domain/roles.js';
import { hashPassword } from '../auth/secrets.js';
import { revokeUserSessions } from '../auth/sessions.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';

/**
 * Operator's recovery path (CLI): creates an admin, or makes an existing user an active admin
 * with a new password. Existing sessions of that user are ended.
 */
export async function createAdmin(deps: ServiceDeps, input: { email: string; name: string; password: string }): Promise<{ user: UserRow; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  const reason = checkPassword(input.password, { email, name: input.name });
  if (reason) throw invalidInput([{ field: 'password', reason }]);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const now = deps.now();
    const [existing] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).for('update');
    let user: UserRow | undefined;
    if (existing) {
      [user] = await tx
        .update(users)
        .set({ roles: normalizeRoles([...existing.roles, 'admin']), status: 'active', deactivatedAt: null, passwordHash, updatedAt: now })
        .where(eq(users.id, existing.id))
        .returning();
      await revokeUserSessions(tx, existing.id, now);
    } else {
      [user] = await tx.insert(users).values({ email, name: input.name, roles: ['admin'], team: 'customer_success', passwordHash, createdAt: now, updatedAt: now }).returning();
    }
    if (!user) throw new Error('admin upsert returned nothing');
    await recordAudit(tx, {
      action: existing ? 'user.roles_changed' : 'user.created',
      actor: null,
      actorLabel: 'cli',
      target: { type: 'user', id: user.id, label: email },
      details: existing ? { from: existing.roles, to: user.roles, via: 'create-admin' } : { roles: user.roles, via: 'create-admin' },
    });
    return { user, created: !existing };
  });
}
