import { z } from 'zod';
import { changePassword } from '../../../services/auth/change-password.js';
import { signOut } from '../../../services/auth/sessions.js';
import { signIn } from '../../../services/auth/sign-in.js';
import { getOrganization } from '../../../services/organization/get-organization.js';
import { getUser } from '../../../services/users/list-users.js';
import { clearSessionCookie, requireActor, requireSession, setSessionCookie } from '../../plugins/auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentUser, userSchema } from '../users/presenter.js';

const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });

export function registerAuthRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/api/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        security: [],
        body: z.object({ email: z.string().trim().min(1, 'is required').max(320), password: z.string().min(1, 'is required').max(1024) }),
        response: { 200: sessionSchema, 401: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      const result = await signIn(deps, {
        email: request.body.email,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, result.token, deps.secureCookies, deps.config.session.absoluteMs);
      return { user: presentUser(result.user), csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null(), 401: problemSchema } } },
    async (request, reply) => {
      await signOut(deps, requireActor(request), requireSession(request).id);
      clearSessionCookie(reply, deps.secureCookies);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, their roles and the CSRF token for state changes',
        response: { 200: sessionSchema.extend({ organization: z.object({ name: z.string() }) }), 401: problemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const session = requireSession(request);
      const [user, org] = await Promise.all([getUser(deps, actor.userId), getOrganization(deps.db)]);
      return { user: presentUser(user), csrfToken: session.csrfToken, organization: { name: org.name } };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change my password (signs out my other sessions)',
        body: z.object({ currentPassword: z.string().min(1, 'is required').max(1024), newPassword: z.string().min(1, 'is required').max(1024) }),
        response: { 204: z.null(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      await changePassword(deps, requireActor(request), { ...request.body, sessionId: requireSession(request).id });
      return reply.code(204).send(null);
    },
  );
}
