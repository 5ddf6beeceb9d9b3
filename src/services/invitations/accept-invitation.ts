import { eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { invitations, users, type InvitationRow } from '../../db/schema/index.js';
import { invitationStatus } from '../../domain/invitation-state.js';
import { checkPassword } from '../../domain/password-policy.js';
import { hashPassword, sha256 } from '../auth/secrets.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceDeps } from '../context.js';
import { conflict, gone, invalidInput, notFound } from '../errors.js';
import { getOrganization } from '../organization/get-organization.js';

async function findUsableInvitation(deps: ServiceDeps, db: Executor, token: string, lock: boolean): Promise<InvitationRow> {
  const query = db.select().from(invitations).where(eq(invitations.tokenHash, sha256(token))).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('This invitation link');
  const status = invitationStatus(row, deps.now());
  if (status !== 'pending') {
    const why = { accepted: 'has already been used', revoked: 'was withdrawn', expired: 'has expired' }[status];
    throw gone(`This invitation ${why}. Ask an administrator for a new one.`);
  }
  return row;
}

/** What the invitee sees before creating their account. */
export async function previewInvitation(deps: ServiceDeps, token: string) {
  const invitation = await findUsableInvitation(deps, deps.db, token, false);
  const org = await getOrganization(deps.db);
  return { invitation, organization: { name: org.name } };
}

/** Turns a pending invitation into an active user. The link works once. */
export async function acceptInvitation(deps: ServiceDeps, input: { token: string; name: string; password: string; ip: string | null }) {
  const preview = await findUsableInvitation(deps, deps.db, input.token, false);
  const name = input.name.trim();
  const reason = checkPassword(input.password, { email: preview.email, name });
  if (reason) throw invalidInput([{ field: 'password', reason }]);
  const passwordHash = await hashPassword(input.password);

  return deps.db.transaction(async (tx) => {
    const invitation = await findUsableInvitation(deps, tx, input.token, true);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, invitation.email)).limit(1);
    if (existing) throw conflict('An account with this e-mail already exists. Sign in instead.');
    const now = deps.now();
    const [user] = await tx
      .insert(users)
      .values({ email: invitation.email, name, passwordHash, roles: invitation.roles, team: invitation.team, createdAt: now, updatedAt: now })
      .returning();
    if (!user) throw new Error('user insert returned nothing');
    await tx.update(invitations).set({ acceptedAt: now, userId: user.id }).where(eq(invitations.id, invitation.id));
    const actor = { userId: user.id, email: user.email, ip: input.ip };
    await recordAudit(tx, { action: 'user.invitation_accepted', actor, target: { type: 'invitation', id: invitation.id, label: user.email } });
    await recordAudit(tx, {
      action: 'user.created',
      actor,
      target: { type: 'user', id: user.id, label: user.email },
      details: { roles: user.roles, team: user.team, via: 'invitation' },
    });
    return user;
  });
}
