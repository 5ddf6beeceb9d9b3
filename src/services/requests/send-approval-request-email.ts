import type { Executor } from '../../db/client.js';
import type { ReferenceRequestRow, RequestCandidateRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notifyApprovalRequested } from '../notifications/messages/approval-notices.js';

/**
 * Asks the account's relationship owner to approve a candidate (e-mail and bell, in the same
 * transaction); the link leads to the approvals page, which needs signing in. Accounts without
 * an owner wait in the program queue.
 */
export async function sendApprovalRequestEmail(deps: ServiceDeps, db: Executor, request: ReferenceRequestRow, candidate: RequestCandidateRow): Promise<void> {
  await notifyApprovalRequested(deps, db, request, candidate);
}
