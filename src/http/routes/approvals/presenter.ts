import { z } from 'zod';
import type { ApprovalItem } from '../../../services/requests/list-approvals.js';

const load = z.object({ used: z.number(), cap: z.number(), windowDays: z.number().int() });

export const approvalSchema = z
  .object({
    candidateId: z.uuid(),
    status: z.string(),
    approvalDueAt: z.string().nullable(),
    overdue: z.boolean(),
    ownerDecidedAt: z.string().nullable(),
    ownerReason: z.string().nullable(),
    score: z.number().int().nullable(),
    advocate: z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() }),
    account: z.object({ id: z.uuid(), name: z.string() }),
    request: z.object({
      id: z.uuid(),
      number: z.number().int(),
      activityTypeKey: z.string(),
      neededBy: z.string(),
      purpose: z.string().nullable(),
      referencesNeeded: z.number().int(),
      note: z.string().nullable(),
      rush: z.boolean(),
    }),
    requester: z.object({ id: z.uuid(), name: z.string(), team: z.string() }),
    opportunity: z
      .object({ id: z.uuid(), name: z.string(), prospectName: z.string(), stageLabel: z.string().nullable(), amountUsd: z.number().nullable() })
      .nullable(),
    accountLoad: load,
    advocateLoad: load,
  })
  .meta({ id: 'Approval' });

export function presentApproval(item: ApprovalItem): z.infer<typeof approvalSchema> {
  const c = item.candidate;
  return {
    candidateId: c.id,
    status: c.status,
    approvalDueAt: c.approvalDueAt?.toISOString() ?? null,
    overdue: item.overdue,
    ownerDecidedAt: c.ownerDecidedAt?.toISOString() ?? null,
    ownerReason: c.ownerReason,
    score: c.score,
    advocate: item.advocate,
    account: item.account,
    request: item.request,
    requester: item.requester,
    opportunity: item.opportunity,
    accountLoad: item.accountLoad,
    advocateLoad: item.advocateLoad,
  };
}
