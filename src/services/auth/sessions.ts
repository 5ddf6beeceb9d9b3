import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { sessions, users, type UserRow } from '../../db/schema/index.js';
import { sessionExpiresAt, sessionState, shouldTouch } from '../../domain/session-expiry.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { sha256 } from './secrets.js';

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  user: UserRow;
}

/** Finds the live session behind a cookie token, sliding its idle expiry. */
export async function resolveSession(deps: ServiceDeps, token: string): Promise<ResolvedSession | null> {
  const now = deps.now();
  const [row] = await deps.db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sha256(token)))
    .limit(1);
  if (!row || row.user.status !== 'active') return null;
  if (sessionState(row.session, deps.config.session, now) !== 'valid') return null;
  if (shouldTouch(row.session.lastSeenAt, now)) {
    await deps.db
      .update(sessions)
      .set({ lastSeenAt: now, expiresAt: sessionExpiresAt(row.session, deps.config.session, now) })
      .where(eq(sessions.id, row.session.id));
  }
  return { sessionId: row.session.id, csrfToken: row.session.csrfToken, user: row.user };
}

export async function signOut(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.update(sessions).set({ revokedAt: deps.now() }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    await recordAudit(tx, { action: 'auth.sign_out', actor, target: { type: 'user', id: actor.userId, label: actor.email } });
  });
}

/** Revokes every open session of a user, optionally keeping one (the caller's own). */
export async function revokeUserSessions(db: Executor, userId: string, now: Date, keepSessionId?: string): Promise<void> {
  const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (keepSessionId) conditions.push(ne(sessions.id, keepSessionId));
  await db.update(sessions).set({ revokedAt: now }).where(and(...conditions));
}
