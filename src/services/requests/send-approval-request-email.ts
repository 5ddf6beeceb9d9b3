import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { users, type ReferenceRequestRow, type RequestCandidateRow } from '../../db/schema/index.js';
import { renderApprovalRequestEmail } from '../../integrations/email/approval-request-email.js';
import type { ServiceDeps } from '../context.js';
import { getOrganization } from '../organization/get-organization.js';
import { enqueueEmail } from '../outbox/enqueue-email.js';
import { loadAskContext } from './ask-context.js';

/** Asks the account's relationship owner to approve a candidate (outbox, same transaction). Accounts without an owner wait in the program queue. */
export async function sendApprovalRequestEmail(deps: ServiceDeps, db: Executor, request: ReferenceRequestRow, candidate: RequestCandidateRow): Promise<void> {
  if (!candidate.approverUserId || !candidate.approvalDueAt) return;
  const [owner] = await db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, candidate.approverUserId));
  if (!owner) return;
  const org = await getOrganization(db);
  const ask = await loadAskContext(db, candidate.id);
  const email = renderApprovalRequestEmail({
    orgName: org.name,
    color: org.primaryColor,
    ownerName: owner.name,
    requesterName: ask.requester.name,
    advocateName: `${ask.advocate.firstName} ${ask.advocate.lastName}`,
    accountName: ask.accountName,
    activityLabel: ask.activityLabel,
    forWhat: ask.context,
    neededBy: request.neededBy,
    dueAt: candidate.approvalDueAt,
    url: `${deps.config.publicUrl}/approvals`,
  });
  await enqueueEmail(
    db,
    { ...email, kind: 'request.approval_requested', to: owner.email, payload: { requestId: request.id, candidateId: candidate.id } },
    Boolean(deps.config.mail.smtpUrl),
  );
}
