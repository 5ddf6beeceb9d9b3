import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { checkPassword } from '../../domain/password-policy.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { hashPassword, verifyPassword } from './secrets.js';
import { revokeUserSessions } from './sessions.js';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  sessionId: string;
}

/** Replaces the actor's password and signs out every other session of theirs. */
export async function changePassword(deps: ServiceDeps, actor: Actor, input: ChangePasswordInput): Promise<void> {
  const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw invalidInput([{ field: 'currentPassword', reason: 'The current password is incorrect.' }]);
  }
  const reason = checkPassword(input.newPassword, { email: user.email, name: user.name });
  if (reason) throw invalidInput([{ field: 'newPassword', reason }]);
  if (input.newPassword === input.currentPassword) {
    throw invalidInput([{ field: 'newPassword', reason: 'Choose a password different from the current one.' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    const now = deps.now();
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id, now, input.sessionId);
    await recordAudit(tx, { action: 'auth.password_changed', actor, target: { type: 'user', id: user.id, label: user.email } });
  });
}
