import { addDays } from 'date-fns';
import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { activities, debriefs, referenceRequests, taxonomyValues, type ActivityRow, type DebriefRow, type RequestCandidateRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { conflict, gone } from '../errors.js';
import { findAskCandidate } from './find-ask-candidate.js';
import { recordRequestEvent } from '../requests/record-request-event.js';

export interface AdvocateDebriefInput {
  happened: boolean;
  howItWent: string | null;
  wouldDoAgain: boolean | null;
}

/** How long after the conversation the advocate's link still takes a debrief. */
export const ADVOCATE_DEBRIEF_DAYS = 60;

export interface AdvocateDebriefState {
  /** The debrief form may be shown and sent now. */
  open: boolean;
  /** Why not, in words for the advocate. */
  reason: string | null;
  alreadyDebriefed: boolean;
  scheduledAt: Date | null;
  activityTypeLabel: string;
  prospectName: string | null;
}

interface Context {
  candidate: RequestCandidateRow;
  activity: ActivityRow | null;
  existing: DebriefRow | null;
}

async function contextOf(db: Executor, token: string, now: Date, lock: boolean): Promise<Context> {
  if (lock) {
    // Lock order as everywhere: the request, then the candidate and its activity.
    const candidate = await findAskCandidate(db, token, now);
    await db.select({ id: referenceRequests.id }).from(referenceRequests).where(eq(referenceRequests.id, candidate.requestId)).for('update');
  }
  const candidate = await findAskCandidate(db, token, now, { lock });
  const [activity] = await db.select().from(activities).where(eq(activities.candidateId, candidate.id));
  const [existing] = activity ? await db.select().from(debriefs).where(and(eq(debriefs.activityId, activity.id), eq(debriefs.side, 'advocate'))) : [];
  return { candidate, activity: activity ?? null, existing: existing ?? null };
}

/** Why the advocate cannot debrief now (null: they can). Throws nothing; the caller chooses 409 or 410. */
function refusal(ctx: Context, now: Date): { status: 409 | 410; reason: string } | null {
  const { candidate, activity } = ctx;
  if (ctx.existing) return { status: 409, reason: 'You already sent your debrief for this conversation. Thank you!' };
  if (!activity || !['scheduled', 'happened', 'did_not_happen'].includes(candidate.status)) {
    return { status: 409, reason: 'There is no scheduled conversation to debrief on this link yet.' };
  }
  if (candidate.status === 'scheduled' && candidate.scheduledAt && candidate.scheduledAt > now) {
    return { status: 409, reason: 'The conversation has not taken place yet: come back afterwards.' };
  }
  const after = candidate.scheduledAt ?? activity.updatedAt;
  if (now > addDays(after, ADVOCATE_DEBRIEF_DAYS)) return { status: 410, reason: 'This link no longer takes a debrief.' };
  return null;
}

/** What the advocate's debrief page shows for their link. */
export async function getAdvocateDebriefState(deps: ServiceDeps, token: string): Promise<AdvocateDebriefState> {
  const ctx = await contextOf(deps.db, token, deps.now(), false);
  const refused = refusal(ctx, deps.now());
  const [request] = await deps.db
    .select({ activityTypeKey: referenceRequests.activityTypeKey, prospect: referenceRequests.prospect })
    .from(referenceRequests)
    .where(eq(referenceRequests.id, ctx.candidate.requestId));
  const [type] = request
    ? await deps.db
        .select({ label: taxonomyValues.label })
        .from(taxonomyValues)
        .where(and(eq(taxonomyValues.facet, 'activity_type'), eq(taxonomyValues.key, request.activityTypeKey)))
    : [];
  return {
    open: refused === null,
    reason: refused?.reason ?? null,
    alreadyDebriefed: ctx.existing !== null,
    scheduledAt: ctx.candidate.scheduledAt,
    activityTypeLabel: type?.label ?? request?.activityTypeKey ?? '',
    prospectName: request?.prospect.name ?? null,
  };
}

/**
 * The advocate's side of the debrief, through the signed link only they received: did it
 * happen, how it went, would they do it again. Once; after the conversation's start. It is
 * recorded on the request's timeline; the candidate's status is the requester's to move.
 */
export async function submitAdvocateDebrief(deps: ServiceDeps, token: string, input: AdvocateDebriefInput): Promise<DebriefRow> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const ctx = await contextOf(tx, token, now, true);
    const refused = refusal(ctx, now);
    if (refused) throw refused.status === 410 ? gone(refused.reason) : conflict(refused.reason);
    const activity = ctx.activity!;
    const [debrief] = await tx
      .insert(debriefs)
      .values({ activityId: activity.id, side: 'advocate', happened: input.happened, howItWent: input.howItWent, wouldDoAgain: input.wouldDoAgain, submittedAt: now })
      .returning();
    await recordRequestEvent(tx, {
      requestId: ctx.candidate.requestId,
      candidateId: ctx.candidate.id,
      actor: 'advocate',
      kind: 'debriefed',
      data: { side: 'advocate', activityId: activity.id, happened: input.happened, wouldDoAgain: input.wouldDoAgain },
      at: now,
    });
    return debrief!;
  });
}
