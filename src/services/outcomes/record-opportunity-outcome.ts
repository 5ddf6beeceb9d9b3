import { formatISO } from 'date-fns';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { activities, impactRecords, opportunities, referenceRequests, type OpportunityRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound, type FieldError } from '../errors.js';
import { notifyHelpedWin, askWhatHappened } from './outcome-notices.js';

export interface OutcomeInput {
  outcome: 'won' | 'lost';
  amountWonUsd?: number | null;
  closedOn: string;
  lossReason?: string | null;
}

export interface OutcomeResult {
  opportunity: OpportunityRow;
  /** Something was written by this call (false when the same outcome was recorded again unchanged). */
  changed: boolean;
  impactRecords: number;
  newImpactRecords: number;
  /** "You helped us win" notices queued by this call. */
  advocatesNotified: number;
  /** Requesters asked what happened by this call. */
  requestersAsked: number;
}

/** Who may record, given the opportunity and the requesters of its requests (route policy). */
export type OutcomeCheck = (opportunity: OpportunityRow, requesterUserIds: string[]) => void;

function validate(input: OutcomeInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.closedOn > today) errors.push({ field: 'closedOn', reason: 'must be today or earlier' });
  if (input.outcome === 'lost' && input.amountWonUsd != null) errors.push({ field: 'amountWonUsd', reason: 'is only for a won opportunity' });
  if (input.outcome === 'won' && input.lossReason) errors.push({ field: 'lossReason', reason: 'is only for a lost opportunity' });
  return errors;
}

/**
 * Records an opportunity as won or lost, in one transaction with its notices. Won: an impact
 * record for every happened activity on it and one "you helped us win" notice per advocate
 * (queued in the outbox). Lost: the requesters of its requests are asked what happened
 * (outbox) and their requests' timelines say so. Recording the same outcome again changes
 * only the facts given (amount, date, loss reason) and repeats no notice; the other outcome
 * is refused once one is recorded.
 */
export async function recordOpportunityOutcome(deps: ServiceDeps, actor: Actor, opportunityId: string, input: OutcomeInput, check: OutcomeCheck): Promise<OutcomeResult> {
  const now = deps.now();
  const errors = validate(input, formatISO(now, { representation: 'date' }));
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(opportunities).where(eq(opportunities.id, opportunityId)).for('update');
    if (!before) throw notFound('The opportunity');
    const requests = await tx
      .select({ id: referenceRequests.id, number: referenceRequests.number, requesterUserId: referenceRequests.requesterUserId })
      .from(referenceRequests)
      .where(and(eq(referenceRequests.opportunityId, opportunityId), ne(referenceRequests.status, 'draft')));
    check(before, [...new Set(requests.map((r) => r.requesterUserId))]);
    if (errors.length > 0) throw invalidInput(errors);
    if (before.outcome !== 'open' && before.outcome !== input.outcome) {
      throw conflict(`This opportunity is already recorded as ${before.outcome}.`, [{ field: 'outcome', reason: `is already ${before.outcome}` }]);
    }
    const first = before.outcome === 'open';
    const amountWonUsd = input.outcome === 'won' ? (input.amountWonUsd ?? before.amountWonUsd ?? before.amountUsd) : null;
    const lossReason = input.outcome === 'lost' ? (input.lossReason?.trim() || before.lossReason) : null;
    const changed = first || before.closedOn !== input.closedOn || before.amountWonUsd !== amountWonUsd || before.lossReason !== lossReason;
    const [opportunity] = changed
      ? await tx
          .update(opportunities)
          .set({ outcome: input.outcome, amountWonUsd, closedOn: input.closedOn, lossReason, updatedAt: now })
          .where(eq(opportunities.id, opportunityId))
          .returning()
      : [before];

    const result: OutcomeResult = { opportunity: opportunity!, changed, impactRecords: 0, newImpactRecords: 0, advocatesNotified: 0, requestersAsked: 0 };
    if (input.outcome === 'won') {
      const helped = await tx
        .select({ id: activities.id, advocateId: activities.advocateId })
        .from(activities)
        .where(and(eq(activities.opportunityId, opportunityId), eq(activities.status, 'happened')));
      const created = helped.length
        ? await tx
            .insert(impactRecords)
            .values(helped.map((a) => ({ advocateId: a.advocateId, opportunityId, activityId: a.id, amountWonUsd, wonOn: input.closedOn, createdAt: now })))
            .onConflictDoNothing()
            .returning({ id: impactRecords.id, advocateId: impactRecords.advocateId })
        : [];
      if (!first && changed && helped.length) {
        await tx
          .update(impactRecords)
          .set({ amountWonUsd, wonOn: input.closedOn })
          .where(and(eq(impactRecords.opportunityId, opportunityId), inArray(impactRecords.activityId, helped.map((a) => a.id))));
      }
      result.impactRecords = helped.length;
      result.newImpactRecords = created.length;
      result.advocatesNotified = await notifyHelpedWin(deps, tx, opportunity!, created, first ? requests.map((r) => r.id) : [], now);
    } else if (first) {
      const asked = requests.filter((r) => !(r.requesterUserId === actor.userId && lossReason));
      result.requestersAsked = await askWhatHappened(deps, tx, actor, opportunity!, asked, requests.map((r) => r.id), now);
    }
    if (changed) {
      await recordAudit(tx, {
        action: 'opportunity.outcome_recorded',
        actor,
        target: { type: 'opportunity', id: opportunityId, label: before.name },
        details: {
          from: before.outcome,
          outcome: input.outcome,
          closedOn: input.closedOn,
          amountWonUsd,
          lossReason,
          newImpactRecords: result.newImpactRecords,
          advocatesNotified: result.advocatesNotified,
          requestersAsked: result.requestersAsked,
        },
      });
    }
    return result;
  });
}
