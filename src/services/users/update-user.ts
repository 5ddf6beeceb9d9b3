import { and, arrayContains, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users, type UserRow } from '../../db/schema/index.js';
import { normalizeRoles, type Role, type Team } from '../../domain/roles.js';
import { revokeUserSessions } from '../auth/sessions.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound } from '../errors.js';

export interface UpdateUserInput {
  name?: string;
  roles?: Role[];
  team?: Team;
}

async function lockUser(tx: Executor, id: string): Promise<UserRow> {
  const [user] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!user) throw notFound('The user');
  return user;
}

/** Fails when no other active admin would remain. Locks admins so two requests cannot race. */
async function assertAnotherActiveAdmin(tx: Executor, exceptUserId: string): Promise<void> {
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(arrayContains(users.roles, ['admin']), eq(users.status, 'active'), ne(users.id, exceptUserId)))
    .for('update');
  if (others.length === 0) throw conflict('Vouch needs at least one active admin: make someone else admin first.');
}

export async function updateUser(deps: ServiceDeps, actor: Actor, id: string, input: UpdateUserInput): Promise<UserRow> {
  return deps.db.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    const roles = input.roles ? normalizeRoles(input.roles) : before.roles;
    const removesAdmin = before.roles.includes('admin') && !roles.includes('admin');
    if (removesAdmin && id === actor.userId) {
      throw invalidInput([{ field: 'roles', reason: 'You cannot remove your own admin role.' }]);
    }
    if (removesAdmin && before.status === 'active') await assertAnotherActiveAdmin(tx, id);
    const now = deps.now();
    const [after] = await tx
      .update(users)
      .set({ name: input.name?.trim() ?? before.name, roles, team: input.team ?? before.team, updatedAt: now })
      .where(eq(users.id, id))
      .returning();
    if (!after) throw notFound('The user');
    const target = { type: 'user', id, label: after.email };
    if (before.roles.join() !== after.roles.join()) {
      await recordAudit(tx, { action: 'user.roles_changed', actor, target, details: { from: before.roles, to: after.roles } });
    }
    if (before.team !== after.team) {
      await recordAudit(tx, { action: 'user.team_changed', actor, target, details: { from: before.team, to: after.team } });
    }
    if (before.name !== after.name) {
      await recordAudit(tx, { action: 'user.updated', actor, target, details: { name: { from: before.name, to: after.name } } });
    }
    return after;
  });
}

/** Deactivation signs the user out everywhere at once. */
export async function setUserActive(deps: ServiceDeps, actor: Actor, id: string, active: boolean): Promise<UserRow> {
  return deps.db.transaction(async (tx) => {
    const before = await lockUser(tx, id);
    if (active === (before.status === 'active')) return before;
    if (!active && before.roles.includes('admin')) await assertAnotherActiveAdmin(tx, id);
    const now = deps.now();
    const [after] = await tx
      .update(users)
      .set({ status: active ? 'active' : 'deactivated', deactivatedAt: active ? null : now, updatedAt: now })
      .where(eq(users.id, id))
      .returning();
    if (!after) throw notFound('The user');
    if (!active) await revokeUserSessions(tx, id, now);
    await recordAudit(tx, { action: active ? 'user.reactivated' : 'user.deactivated', actor, target: { type: 'user', id, label: after.email } });
    return after;
  });
}

