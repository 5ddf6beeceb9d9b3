import { z } from 'zod';
import { invitationStatus } from '../../../domain/invitation-state.js';
import { ROLES, TEAMS } from '../../../domain/roles.js';
import type { InvitationWithInviter } from '../../../services/invitations/manage-invitations.js';

export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    team: z.enum(TEAMS),
    status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
    invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    acceptedAt: z.string().nullable(),
  })
  .meta({ id: 'Invitation' });

export function presentInvitation({ invitation, inviter }: InvitationWithInviter, now: Date): z.infer<typeof invitationSchema> {
  return {
    id: invitation.id,
    email: invitation.email,
    name: invitation.name,
    roles: invitation.roles,
    team: invitation.team,
    status: invitationStatus(invitation, now),
    invitedBy: inviter,
    createdAt: invitation.createdAt.toISOString(),
    expiresAt: invitation.expiresAt.toISOString(),
    acceptedAt: invitation.acceptedAt?.toISOString() ?? null,
  };
}
