import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { timingSafeEqual } from 'node:crypto';
import type { UserRow } from '../../db/schema/index.js';
import { resolveSession } from '../../services/auth/sessions.js';
import type { Actor, ServiceDeps } from '../../services/context.js';
import { AppError, unauthenticated } from '../../services/errors.js';

export const SESSION_COOKIE = 'vouch_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: { id: string; csrfToken: string } | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in (sign-in, invitations, health). */
    public?: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function actorFrom(user: UserRow, ip: string | null): Actor {
  return { userId: user.id, email: user.email, name: user.name, roles: user.roles, team: user.team, ip };
}

/** The signed-in actor of a protected route (the preHandler already refused anonymous calls). */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

export function requireSession(request: FastifyRequest): { id: string; csrfToken: string } {
  if (!request.session) throw unauthenticated();
  return request.session;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Authentication (session cookie) and CSRF defence. Runs after validation, before handlers.
 * Cookie-authenticated state changes need the session's CSRF token in a header, and any
 * state change with an Origin header must come from our own origin.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { deps: ServiceDeps; secureCookies: boolean; publicUrl: string }) => {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);
  const publicOrigin = new URL(opts.publicUrl).origin;

  app.addHook('preHandler', async (request) => {
    // Static files of the web app and unknown paths need no session.
    if (request.is404 || !request.url.startsWith('/api/')) return;
    if (UNSAFE_METHODS.has(request.method)) assertSameOrigin(request, publicOrigin);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(opts.deps, token);
      if (resolved) {
        request.actor = actorFrom(resolved.user, request.ip);
        request.session = { id: resolved.sessionId, csrfToken: resolved.csrfToken };
      }
    }
    if (request.routeOptions.config.public) return;
    if (!request.actor || !request.session) throw unauthenticated();
    if (UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, request.session.csrfToken)) {
        throw new AppError(403, 'CSRF check failed', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
      }
    }
  });
});

function assertSameOrigin(request: FastifyRequest, publicOrigin: string): void {
  const origin = request.headers.origin;
  if (!origin) return;
  const host = request.headers.host;
  const allowed = origin === publicOrigin || (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`));
  if (!allowed) throw new AppError(403, 'Cross-origin request refused', 'State changes must come from Vouch itself.');
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeMs: number): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: Math.floor(maxAgeMs / 1000) });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
