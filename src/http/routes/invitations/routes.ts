import { z } from 'zod';
import { ROLES, TEAMS } from '../../../domain/roles.js';
import { authorize } from '../../../policies/authorize.js';
import { userPolicy } from '../../../policies/users.js';
import { acceptInvitation, previewInvitation } from '../../../services/invitations/accept-invitation.js';
import { inviteUser, type InvitationSent } from '../../../services/invitations/invite-user.js';
import { getInvitationWithInviter, listInvitations, resendInvitation, revokeInvitation } from '../../../services/invitations/manage-invitations.js';
import type { Actor } from '../../../services/context.js';
import { countInvitationsByStatus } from '../../../services/status-counts.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { invitationSchema, presentInvitation } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 410: problemSchema };
const sentSchema = z.object({ invitation: invitationSchema, inviteUrl: z.string().nullable() });
const tokenField = z.string().min(20, 'is not a valid invitation token').max(200);

export function registerInvitationRoutes(app: ZodApp, deps: RouteDeps): void {
  const presentSent = (sent: InvitationSent, actor: Actor) => ({
    invitation: presentInvitation({ invitation: sent.invitation, inviter: { id: actor.userId, name: actor.name } }, deps.now()),
    inviteUrl: sent.inviteUrl,
  });

  app.post(
    '/api/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'Invite a person to Vouch (admins). inviteUrl is returned while no mail server is configured.',
        body: z.object({
          email: z.email({ message: 'must be an e-mail address' }).max(320),
          name: z.string().trim().min(1, 'is required').max(200),
          roles: z.array(z.enum(ROLES)).min(1, 'needs at least one role').max(ROLES.length),
          team: z.enum(TEAMS),
        }),
        response: { 201: sentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(userPolicy.invite(actor));
      const sent = await inviteUser(deps, actor, request.body);
      return reply.code(201).send(presentSent(sent, actor));
    },
  );

  app.get(
    '/api/invitations',
    {
      schema: {
        tags: ['invitations'],
        summary: 'List invitations (admins)',
        querystring: z.object({ status: z.enum(['pending', 'accepted', 'revoked', 'expired']).optional(), ...pageQuery }),
        response: { 200: pageOf(invitationSchema), ...errors },
      },
    },
    async (request) => {
      authorize(userPolicy.manageInvitations(requireActor(request)));
      const page = await listInvitations(deps, request.query);
      return { items: page.items.map((i) => presentInvitation(i, deps.now())), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/invitations/counts',
    {
      schema: {
        tags: ['invitations'],
        summary: 'How many invitations are in each status (admins)',
        response: { 200: z.object({ pending: z.number().int(), accepted: z.number().int(), revoked: z.number().int(), expired: z.number().int() }), ...errors },
      },
    },
    async (request) => {
      authorize(userPolicy.manageInvitations(requireActor(request)));
      return countInvitationsByStatus(deps.db, deps.now());
    },
  );

  app.post(
    '/api/invitations/:id/revoke',
    { schema: { tags: ['invitations'], summary: 'Withdraw a pending invitation (admins)', params: idParams, response: { 200: invitationSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(userPolicy.manageInvitations(actor));
      await revokeInvitation(deps, actor, request.params.id);
      return presentInvitation(await getInvitationWithInviter(deps, request.params.id), deps.now());
    },
  );

  app.post(
    '/api/invitations/:id/resend',
    { schema: { tags: ['invitations'], summary: 'Issue a fresh link for a pending or expired invitation (admins)', params: idParams, response: { 200: sentSchema, ...errors } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(userPolicy.manageInvitations(actor));
      return presentSent(await resendInvitation(deps, actor, request.params.id), actor);
    },
  );

  app.post(
    '/api/invitations/preview',
    {
      config: { public: true },
      schema: {
        tags: ['invitations'],
        summary: 'What an invitation link is for (public; the token comes from the link)',
        security: [],
        body: z.object({ token: tokenField }),
        response: {
          200: z.object({
            email: z.string(),
            name: z.string(),
            roles: z.array(z.enum(ROLES)),
            team: z.enum(TEAMS),
            organization: z.object({ name: z.string() }),
            expiresAt: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { invitation, organization } = await previewInvitation(deps, request.body.token);
      const { email, name, roles, team } = invitation;
      return { email, name, roles, team, organization, expiresAt: invitation.expiresAt.toISOString() };
    },
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { public: true },
      schema: {
        tags: ['invitations'],
        summary: 'Create my account from an invitation (public; single use)',
        security: [],
        body: z.object({ token: tokenField, name: z.string().trim().min(1, 'is required').max(200), password: z.string().min(1, 'is required').max(1024) }),
        response: { 201: z.object({ email: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      const user = await acceptInvitation(deps, { ...request.body, ip: request.ip });
      return reply.code(201).send({ email: user.email });
    },
  );
}
