import { opportunities } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { forbidden, invalidInput } from '../errors.js';
import {
  assertOpportunityCrmIdFree,
  findInvalidOpportunityFields,
  normalizeOpportunityPatch,
  opportunityCrmIdRaceToConflict,
  withRefsOne,
  type OpportunityFields,
  type OpportunityPatch,
  type OpportunityWithRefs,
} from './opportunity-fields.js';

export type CreateOpportunityInput = OpportunityPatch & { name: string; prospectName: string; stageKey: string };

const EMPTY: Omit<OpportunityFields, 'name' | 'prospectName' | 'stageKey' | 'ownerUserId'> = {
  prospectIndustryKey: null,
  prospectEmployeeCount: null,
  prospectAnnualRevenueUsd: null,
  prospectCountry: null,
  amountUsd: null,
  closeDate: null,
  productKeys: [],
  competitors: [],
  excludedAccountIds: [],
  decisionMakerBuyIn: false,
  technicalApproval: false,
  budgetConfirmed: false,
  finalist: false,
  crmId: null,
  notes: null,
};

/**
 * Creates an opportunity owned by `ownerUserId`, or by the actor when left out. `mayAssign`
 * is the policy's say on the owner (sellers only create their own). Every invalid field is
 * reported at once (400), then a CRM id clash (409).
 */
export async function createOpportunity(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateOpportunityInput,
  mayAssign: (ownerUserId: string) => boolean,
): Promise<OpportunityWithRefs> {
  const given = normalizeOpportunityPatch({ ownerUserId: actor.userId, ...input });
  const fields: OpportunityFields = {
    ...EMPTY,
    ...given,
    name: given.name ?? input.name.trim(),
    prospectName: given.prospectName ?? input.prospectName.trim(),
    stageKey: given.stageKey ?? input.stageKey,
    ownerUserId: given.ownerUserId ?? actor.userId,
  };
  if (!mayAssign(fields.ownerUserId)) throw forbidden('You can only create opportunities you own.');
  try {
    return await deps.db.transaction(async (tx) => {
      const errors = await findInvalidOpportunityFields(tx, { ...given, stageKey: fields.stageKey, ownerUserId: fields.ownerUserId });
      if (errors.length > 0) throw invalidInput(errors);
      await assertOpportunityCrmIdFree(tx, fields.crmId, null);
      const now = deps.now();
      const [row] = await tx
        .insert(opportunities)
        .values({ ...fields, createdAt: now, updatedAt: now })
        .returning();
      if (!row) throw new Error('opportunity insert returned nothing');
      await recordAudit(tx, {
        action: 'opportunity.created',
        actor,
        target: { type: 'opportunity', id: row.id, label: row.name },
        details: { prospectName: row.prospectName, stageKey: row.stageKey, ownerUserId: row.ownerUserId, crmId: row.crmId },
      });
      return withRefsOne(tx, row);
    });
  } catch (error) {
    throw await opportunityCrmIdRaceToConflict(deps.db, error, fields.crmId, null);
  }
}
