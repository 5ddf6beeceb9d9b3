import { z } from 'zod';
import { PROPOSABLE_FIELDS } from '../../../services/profile-changes/profile-fields.js';
import type { ProfileChangeDetail } from '../../../services/profile-changes/get-profile-change.js';
import type { ProfileChangeSummary } from '../../../services/profile-changes/list-profile-changes.js';

const valueSchema = z.union([z.string(), z.array(z.string()), z.null()]);
const statusSchema = z.enum(['pending', 'approved', 'rejected', 'superseded']);

const summaryShape = {
  id: z.uuid(),
  status: statusSchema,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  decisionNote: z.string().nullable(),
  advocate: z.object({ id: z.uuid(), name: z.string(), title: z.string().nullable() }),
  account: z.object({ id: z.uuid(), name: z.string() }),
  /** The fields proposed (values only in the detail, where protected ones are revealed with an audit). */
  fields: z.array(z.enum(PROPOSABLE_FIELDS)),
};

export const profileChangeSummarySchema = z.object(summaryShape).meta({ id: 'ProfileChangeSummary' });

export const profileChangeDetailSchema = z
  .object({
    ...summaryShape,
    /** Whether the viewer may approve or reject it (admins, while it is pending). */
    canDecide: z.boolean(),
    diff: z.array(
      z.object({
        field: z.enum(PROPOSABLE_FIELDS),
        label: z.string(),
        before: valueSchema,
        proposed: valueSchema,
        current: valueSchema,
        changedSinceProposal: z.boolean(),
        alreadyApplied: z.boolean(),
        applied: z.boolean().nullable(),
      }),
    ),
  })
  .meta({ id: 'ProfileChangeDetail' });

export function presentProfileChangeSummary(row: Pick<ProfileChangeSummary, 'change' | 'advocate' | 'account' | 'decidedBy'>): z.infer<typeof profileChangeSummarySchema> {
  const { change, advocate, account } = row;
  return {
    id: change.id,
    status: change.status,
    submittedAt: change.submittedAt.toISOString(),
    decidedAt: change.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy,
    decisionNote: change.decisionNote,
    advocate: { id: advocate.id, name: `${advocate.firstName} ${advocate.lastName}`, title: advocate.title },
    account: { id: account.id, name: account.name },
    fields: PROPOSABLE_FIELDS.filter((f) => f in change.changes),
  };
}

export function presentProfileChangeDetail(detail: ProfileChangeDetail, canDecide: boolean): z.infer<typeof profileChangeDetailSchema> {
  return { ...presentProfileChangeSummary(detail), canDecide: canDecide && detail.change.status === 'pending', diff: detail.diff };
}
