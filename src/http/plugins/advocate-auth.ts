import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import { PORTAL_SESSION_LIMITS } from '../../domain/portal-session.js';
import type { ServiceDeps } from '../../services/context.js';
import { AppError, unauthenticated } from '../../services/errors.js';
import { resolvePortalSession } from '../../services/portal/portal-sessions.js';
import { CSRF_HEADER } from './auth.js';

export const PORTAL_SESSION_COOKIE = 'vouch_portal_session';

/** The signed-in advocate of a portal route. */
export interface PortalAdvocate {
  advocateId: string;
  sessionId: string;
  csrfToken: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    portalAuthDeps: ServiceDeps;
  }
  interface FastifyRequest {
    portalAdvocate: PortalAdvocate | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The advocate portal's sessions, apart from the users' (register after the auth plugin, which
 * brings the cookie parser). Portal routes are `config: { public: true }` and call
 * `requireAdvocate` first.
 */
export const advocateAuthPlugin = fp(async (app: FastifyInstance, opts: { deps: ServiceDeps }) => {
  app.decorate('portalAuthDeps', opts.deps);
  app.decorateRequest('portalAdvocate', null);
});

/**
 * The advocate behind the portal cookie: 401 without a live session, 403 when a state change
 * does not carry the session's CSRF token in the `x-csrf-token` header.
 */
export async function requireAdvocate(request: FastifyRequest): Promise<PortalAdvocate> {
  let advocate = request.portalAdvocate;
  if (!advocate) {
    const token = request.cookies[PORTAL_SESSION_COOKIE];
    const resolved = token ? await resolvePortalSession(request.server.portalAuthDeps, token) : null;
    if (!resolved) throw unauthenticated('Your session has ended. Ask for a new sign-in link.');
    advocate = { advocateId: resolved.advocateId, sessionId: resolved.sessionId, csrfToken: resolved.csrfToken };
    request.portalAdvocate = advocate;
  }
  if (UNSAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !sameToken(sent, advocate.csrfToken)) {
      throw new AppError(403, 'CSRF check failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
    }
  }
  return advocate;
}

export function setPortalSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(PORTAL_SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(PORTAL_SESSION_LIMITS.absoluteMs / 1000) });
}

export function clearPortalSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(PORTAL_SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
