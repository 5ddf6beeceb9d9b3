import { and, eq, gt, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { invitations, users, type InvitationRow } from '../../db/schema/index.js';
import { invitationStatus, type InvitationStatus } from '../../domain/invitation-state.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { gone, notFound } from '../errors.js';
import { afterCursor, decodeCursor, exactTime, newestFirst, toPage, type Page } from '../pagination.js';
import { sendInvitationEmail } from './invitation-links.js';
import type { InvitationSent } from './invite-user.js';

export interface InvitationWithInviter {
  invitation: InvitationRow;
  inviter: { id: string; name: string } | null;
}

const inviter = alias(users, 'inviter');

export async function listInvitations(
  deps: ServiceDeps,
  query: { status?: InvitationStatus; cursor?: string; limit: number },
): Promise<Page<InvitationWithInviter>> {
  const now = deps.now();
  const byStatus: Record<InvitationStatus, SQL | undefined> = {
    pending: and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now)),
    accepted: isNotNull(invitations.acceptedAt),
    revoked: and(isNull(invitations.acceptedAt), isNotNull(invitations.revokedAt)),
    expired: and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), lte(invitations.expiresAt, now)),
  };
  const rows = await deps.db
    .select({ invitation: invitations, at: exactTime(invitations.createdAt), inviterId: inviter.id, inviterName: inviter.name })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(and(query.status ? byStatus[query.status] : undefined, afterCursor(decodeCursor(query.cursor), invitations.createdAt, invitations.id)))
    .orderBy(...newestFirst(invitations.createdAt, invitations.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => ({ at: r.at, id: r.invitation.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      invitation: r.invitation,
      inviter: r.inviterId && r.inviterName ? { id: r.inviterId, name: r.inviterName } : null,
    })),
  };
}

async function lockPendingInvitation(deps: ServiceDeps, tx: Executor, id: string): Promise<InvitationRow> {
  const [row] = await tx.select().from(invitations).where(eq(invitations.id, id)).for('update');
  if (!row) throw notFound('The invitation');
  const status = invitationStatus(row, deps.now());
  if (status === 'accepted' || status === 'revoked') throw gone(`This invitation was already ${status}.`);
  return row;
}

export async function revokeInvitation(deps: ServiceDeps, actor: Actor, id: string): Promise<InvitationRow> {
  return deps.db.transaction(async (tx) => {
    await lockPendingInvitation(deps, tx, id);
    const [row] = await tx.update(invitations).set({ revokedAt: deps.now() }).where(eq(invitations.id, id)).returning();
    if (!row) throw notFound('The invitation');
    await recordAudit(tx, { action: 'user.invitation_revoked', actor, target: { type: 'invitation', id, label: row.email } });
    return row;
  });
}

/** Issues a fresh link (the old one stops working) with a new expiry, and queues it again. */
export async function resendInvitation(deps: ServiceDeps, actor: Actor, id: string): Promise<InvitationSent> {
  return deps.db.transaction(async (tx) => {
    await lockPendingInvitation(deps, tx, id);
    const token = randomToken();
    const now = deps.now();
    const [invitation] = await tx
      .update(invitations)
      .set({ tokenHash: sha256(token), expiresAt: new Date(now.getTime() + deps.config.invitationTtlMs) })
      .where(eq(invitations.id, id))
      .returning();
    if (!invitation) throw notFound('The invitation');
    const inviteUrl = await sendInvitationEmail(deps, tx, invitation, token, actor.name);
    await recordAudit(tx, { action: 'user.invitation_resent', actor, target: { type: 'invitation', id, label: invitation.email } });
    return { invitation, inviteUrl };
  });
}

export async function getInvitationWithInviter(deps: ServiceDeps, id: string): Promise<InvitationWithInviter> {
  const [row] = await deps.db
    .select({ invitation: invitations, at: exactTime(invitations.createdAt), inviterId: inviter.id, inviterName: inviter.name })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(eq(invitations.id, id));
  if (!row) throw notFound('The invitation');
  return { invitation: row.invitation, inviter: row.inviterId && row.inviterName ? { id: row.inviterId, name: row.inviterName } : null };
}
