import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/client.js';
import { advocateSessions } from '../../src/db/schema/index.js';
import { PORTAL_SESSION_LIMITS } from '../../src/domain/portal-session.js';
import { sessionExpiresAt } from '../../src/domain/session-expiry.js';
import { PORTAL_SESSION_COOKIE } from '../../src/http/plugins/advocate-auth.js';
import { randomToken, sha256 } from '../../src/services/auth/secrets.js';

export interface PortalSession {
  /** The Cookie header value: `vouch_portal_session=<token>`. */
  cookie: string;
  /** The session's CSRF token, for the `x-csrf-token` header of state changes. */
  csrf: string;
}

/**
 * Signs an advocate in to the portal without the e-mailed link: a session row straight in the
 * database, as the link exchange writes it. `now` defaults to the real clock (pass the test clock's).
 */
export async function signInAdvocate(_app: FastifyInstance, db: Db, advocateId: string, now: Date = new Date()): Promise<PortalSession> {
  const token = randomToken();
  const csrf = randomToken();
  await db.insert(advocateSessions).values({
    tokenHash: sha256(token),
    csrfToken: csrf,
    advocateId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: sessionExpiresAt({ createdAt: now }, PORTAL_SESSION_LIMITS, now),
  });
  return { cookie: `${PORTAL_SESSION_COOKIE}=${token}`, csrf };
}

/** A portal call with the advocate's cookie, and the CSRF header on state changes. */
export function portalRequest(
  app: FastifyInstance,
  session: PortalSession,
  options: InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: session.cookie, ...(options.headers as Record<string, string> | undefined) };
  if (options.method !== 'GET' && !('x-csrf-token' in headers)) headers['x-csrf-token'] = session.csrf;
  return app.inject({ ...options, headers, remoteAddress: options.remoteAddress ?? '203.0.113.20' });
}
