import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { invitations, users, type InvitationRow } from '../../db/schema/index.js';
import { normalizeRoles, type Role, type Team } from '../../domain/roles.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict } from '../errors.js';
import { sendInvitationEmail } from './invitation-links.js';

export interface InviteUserInput {
  email: string;
  name: string;
  roles: Role[];
  team: Team;
}

export interface InvitationSent {
  invitation: InvitationRow;
  inviteUrl: string | null;
}

/** Creates a single-use, expiring invitation and queues its e-mail. */
export async function inviteUser(deps: ServiceDeps, actor: Actor, input: InviteUserInput): Promise<InvitationSent> {
  const email = input.email.trim().toLowerCase();
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    if (existingUser) throw conflict('A user with this e-mail already exists.', [{ field: 'email', reason: 'is already a user' }]);
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.email, email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)))
      .limit(1);
    if (pending) {
      throw conflict('An invitation to this e-mail is still pending: resend or revoke it.', [
        { field: 'email', reason: 'already has a pending invitation' },
      ]);
    }
    const token = randomToken();
    const [invitation] = await tx
      .insert(invitations)
      .values({
        email,
        name: input.name.trim(),
        roles: normalizeRoles(input.roles),
        team: input.team,
        tokenHash: sha256(token),
        invitedBy: actor.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + deps.config.invitationTtlMs),
      })
      .returning();
    if (!invitation) throw new Error('invitation insert returned nothing');
    const inviteUrl = await sendInvitationEmail(deps, tx, invitation, token, actor.name);
    await recordAudit(tx, {
      action: 'user.invited',
      actor,
      target: { type: 'invitation', id: invitation.id, label: email },
      details: { roles: invitation.roles, team: invitation.team },
    });
    return { invitation, inviteUrl };
  });
}
