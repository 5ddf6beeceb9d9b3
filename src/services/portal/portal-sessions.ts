import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { advocates, advocateSessions, advocateSignInLinks } from '../../db/schema/index.js';
import { PORTAL_SESSION_LIMITS } from '../../domain/portal-session.js';
import { sessionExpiresAt, sessionState, shouldTouch } from '../../domain/session-expiry.js';
import { recordAudit } from '../audit/record-audit.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import type { ServiceDeps } from '../context.js';
import { AppError } from '../errors.js';

/** Reuse, expiry and a mangled token all get this one answer: nothing to learn from it. */
export const invalidSignInLink = () =>
  new AppError(400, 'Sign-in link not valid', 'This sign-in link has expired, has already been used or is incomplete. Ask for a new one.');

export interface OpenedPortalSession {
  token: string;
  csrfToken: string;
  advocateId: string;
}

/**
 * Exchanges a sign-in link for a portal session: the link is locked and used once, the
 * advocate must still be someone who may sign in, and only the session token's hash is stored.
 */
export async function openPortalSession(deps: ServiceDeps, input: { token: string; ip: string; userAgent: string | null }): Promise<OpenedPortalSession> {
  const now = deps.now();
  const tokenHash = sha256(input.token);
  return deps.db.transaction(async (tx) => {
    const [link] = await tx.select().from(advocateSignInLinks).where(eq(advocateSignInLinks.tokenHash, tokenHash)).limit(1).for('update');
    if (!link?.advocateId || link.usedAt || link.expiresAt.getTime() <= now.getTime()) throw invalidSignInLink();
    const [advocate] = await tx
      .select({ id: advocates.id, firstName: advocates.firstName, lastName: advocates.lastName, email: advocates.email })
      .from(advocates)
      .where(and(eq(advocates.id, link.advocateId), ne(advocates.status, 'left_company')))
      .limit(1);
    await tx.update(advocateSignInLinks).set({ usedAt: now }).where(eq(advocateSignInLinks.id, link.id));
    if (!advocate?.email) throw invalidSignInLink();
    const token = randomToken();
    const csrfToken = randomToken();
    const [session] = await tx
      .insert(advocateSessions)
      .values({
        tokenHash: sha256(token),
        csrfToken,
        advocateId: advocate.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: sessionExpiresAt({ createdAt: now }, PORTAL_SESSION_LIMITS, now),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 400) ?? null,
      })
      .returning({ id: advocateSessions.id });
    await recordAudit(tx, {
      action: 'advocate.portal_signed_in',
      actor: null,
      actorLabel: `advocate ${advocate.firstName} ${advocate.lastName}`.slice(0, 254),
      ip: input.ip,
      target: { type: 'advocate', id: advocate.id, label: `${advocate.firstName} ${advocate.lastName}` },
      details: { sessionId: session!.id },
    });
    return { token, csrfToken, advocateId: advocate.id };
  });
}

export interface ResolvedPortalSession {
  sessionId: string;
  csrfToken: string;
  advocateId: string;
}

/** The live portal session behind a cookie token, sliding its idle expiry; null when there is none. */
export async function resolvePortalSession(deps: ServiceDeps, token: string): Promise<ResolvedPortalSession | null> {
  const now = deps.now();
  const [row] = await deps.db
    .select({ session: advocateSessions, status: advocates.status })
    .from(advocateSessions)
    .innerJoin(advocates, eq(advocates.id, advocateSessions.advocateId))
    .where(eq(advocateSessions.tokenHash, sha256(token)))
    .limit(1);
  if (!row || row.status === 'left_company') return null;
  if (sessionState(row.session, PORTAL_SESSION_LIMITS, now) !== 'valid') return null;
  if (shouldTouch(row.session.lastSeenAt, now)) {
    await deps.db
      .update(advocateSessions)
      .set({ lastSeenAt: now, expiresAt: sessionExpiresAt(row.session, PORTAL_SESSION_LIMITS, now) })
      .where(eq(advocateSessions.id, row.session.id));
  }
  return { sessionId: row.session.id, csrfToken: row.session.csrfToken, advocateId: row.session.advocateId };
}

/** Ends one portal session (sign out). */
export async function closePortalSession(db: Executor, sessionId: string, now: Date): Promise<void> {
  await db.update(advocateSessions).set({ revokedAt: now }).where(and(eq(advocateSessions.id, sessionId), isNull(advocateSessions.revokedAt)));
}
