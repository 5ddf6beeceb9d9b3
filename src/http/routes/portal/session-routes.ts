import { z } from 'zod';
import { ADVOCATE_STATUSES } from '../../../domain/advocate-lifecycle.js';
import { getPortalAdvocate, type PortalAdvocateView } from '../../../services/portal/get-portal-advocate.js';
import { closePortalSession, openPortalSession } from '../../../services/portal/portal-sessions.js';
import { requestSignInLink } from '../../../services/portal/request-sign-in-link.js';
import { clearPortalSessionCookie, requireAdvocate, setPortalSessionCookie } from '../../plugins/advocate-auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';

const tags = ['portal'];

export const portalMeSchema = z
  .object({
    advocate: z.object({
      id: z.uuid(),
      firstName: z.string(),
      lastName: z.string(),
      email: z.string().nullable(),
      status: z.enum(ADVOCATE_STATUSES),
      accountName: z.string(),
      points: z.number().int(),
      withdrawnAt: z.string().nullable(),
    }),
    organization: z.object({ name: z.string(), color: z.string() }),
    csrfToken: z.string(),
  })
  .meta({ id: 'PortalMe' });

function presentMe(view: PortalAdvocateView, csrfToken: string): z.infer<typeof portalMeSchema> {
  const { orgName, orgColor, withdrawnAt, ...advocate } = view;
  return { advocate: { ...advocate, withdrawnAt: withdrawnAt?.toISOString() ?? null }, organization: { name: orgName, color: orgColor }, csrfToken };
}

/** Signing in to the advocate portal by e-mailed link, the session, and signing out. */
export function registerPortalSessionRoutes(app: ZodApp, deps: RouteDeps): void {
  app.post(
    '/api/portal/sign-in-link',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Ask for a sign-in link by e-mail (the same answer whether the address is known or not)',
        security: [],
        body: z.object({ email: z.string().trim().min(1, 'is required').max(320, 'is too long') }).strict(),
        response: { 202: z.object({ message: z.string() }), 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      await requestSignInLink(deps, { email: request.body.email, ip: request.ip });
      return reply.code(202).send({ message: 'If this address belongs to an advocate, a sign-in link is on its way. Check your inbox.' });
    },
  );

  app.post(
    '/api/portal/session',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Exchange a sign-in link’s token for a portal session (sets the vouch_portal_session cookie)',
        security: [],
        body: z.object({ token: z.string().max(200) }).strict(),
        response: { 200: portalMeSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const opened = await openPortalSession(deps, { token: request.body.token, ip: request.ip, userAgent: request.headers['user-agent'] ?? null });
      setPortalSessionCookie(reply, opened.token, deps.secureCookies);
      return presentMe(await getPortalAdvocate(deps, opened.advocateId), opened.csrfToken);
    },
  );

  app.delete(
    '/api/portal/session',
    { config: { public: true }, schema: { tags, summary: 'Sign out of the portal', response: { 204: z.null(), 401: problemSchema, 403: problemSchema } } },
    async (request, reply) => {
      const advocate = await requireAdvocate(request);
      await closePortalSession(deps.db, advocate.sessionId, deps.now());
      clearPortalSessionCookie(reply, deps.secureCookies);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/portal/me',
    { config: { public: true }, schema: { tags, summary: 'The signed-in advocate, their organisation and the CSRF token for changes', response: { 200: portalMeSchema, 401: problemSchema } } },
    async (request) => {
      const advocate = await requireAdvocate(request);
      return presentMe(await getPortalAdvocate(deps, advocate.advocateId), advocate.csrfToken);
    },
  );
}
