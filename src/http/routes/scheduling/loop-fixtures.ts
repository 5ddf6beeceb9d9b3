import { randomBytes } from 'node:crypto';
import { addDays, formatISO } from 'date-fns';
import { eq } from 'drizzle-orm';
import {
  activities,
  advocateAskTokens,
  advocates,
  opportunities,
  referenceRequests,
  requestCandidates,
  type AccountRow,
  type AdvocateRow,
  type OpportunityRow,
  type ReferenceRequestRow,
  type RequestCandidateRow,
  type UserRow,
} from '../../../db/schema/index.js';
import type { CandidateTransition, Party } from '../../../domain/requests/request-states.js';
import { randomToken, sha256 } from '../../../services/auth/secrets.js';
import type { ServiceDeps } from '../../../services/context.js';
import { getProgramPolicy } from '../../../services/program-policies/get-program-policy.js';
import { transitionCandidate } from '../../../services/requests/transition-candidate.js';
import { createAccount, createUser } from '../../../../test/helpers/factories.js';

/**
 * Rows for the closing-the-loop tests: an opportunity, a request in matching, a candidate moved
 * along through the real transitionCandidate (owner approval books the capacity, the advocate
 * accepts), as C1's routes would. Test support only.
 */
export const isoDay = (d: Date) => formatISO(d, { representation: 'date' });

export async function createOpportunity(deps: ServiceDeps, overrides: Partial<typeof opportunities.$inferInsert> & { ownerUserId: string }): Promise<OpportunityRow> {
  const [row] = await deps.db
    .insert(opportunities)
    .values({ name: `Deal ${randomBytes(3).toString('hex')}`, prospectName: 'Globex', prospectIndustryKey: 'software', stageKey: 'proposal', amountUsd: 120_000, ...overrides })
    .returning();
  return row!;
}

export async function createAdvocate(deps: ServiceDeps, accountId: string, overrides: Partial<typeof advocates.$inferInsert> = {}): Promise<AdvocateRow> {
  const suffix = randomBytes(3).toString('hex');
  const [row] = await deps.db
    .insert(advocates)
    .values({ accountId, firstName: 'Ada', lastName: `Lovelace ${suffix}`, email: `ada-${suffix}@customer.example`, phone: '+1 555 0100', status: 'active', title: 'VP Engineering', ...overrides })
    .returning();
  return row!;
}

export interface LoopSetup {
  requester: UserRow;
  owner: UserRow;
  account: AccountRow;
  advocate: AdvocateRow;
  opportunity: OpportunityRow | null;
  request: ReferenceRequestRow;
  candidate: RequestCandidateRow;
}

const STEPS: Record<string, { transition: CandidateTransition; parties: Party[] }[]> = {
  owner_pending: [],
  advocate_pending: [{ transition: 'owner_approve', parties: ['owner'] }],
  accepted: [
    { transition: 'owner_approve', parties: ['owner'] },
    { transition: 'advocate_accept', parties: ['advocate'] },
  ],
  advocate_declined: [
    { transition: 'owner_approve', parties: ['owner'] },
    { transition: 'advocate_decline', parties: ['advocate'] },
  ],
  owner_declined: [{ transition: 'owner_decline', parties: ['owner'] }],
  dates_proposed: [
    { transition: 'owner_approve', parties: ['owner'] },
    { transition: 'advocate_propose_dates', parties: ['advocate'] },
  ],
};

/** Moves a candidate one step through the shared transition (as the given party). */
export async function moveCandidate(
  deps: ServiceDeps,
  candidateId: string,
  transition: CandidateTransition,
  parties: Party[],
  extra: { reason?: string; set?: Partial<RequestCandidateRow>; occursOn?: string } = {},
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const policy = await getProgramPolicy(tx);
    await transitionCandidate(tx, deps.now(), policy, {
      candidateId,
      transition,
      parties,
      actor: null,
      actorKind: parties.includes('advocate') ? 'advocate' : 'system',
      reason: extra.reason ?? (transition.includes('decline') ? 'Busy this quarter' : null),
      set: extra.set as never,
      occursOn: extra.occursOn,
    });
  });
}

/** A request (in matching) by `requester` with one candidate brought to `status`. */
export async function setUpCandidate(
  deps: ServiceDeps,
  options: {
    requester?: UserRow;
    status?: keyof typeof STEPS;
    withOpportunity?: boolean;
    opportunityOwner?: UserRow;
    opportunity?: OpportunityRow;
    account?: AccountRow;
    advocate?: AdvocateRow;
    request?: ReferenceRequestRow;
    proposedDates?: { startsAt: string; note?: string }[];
    referencesNeeded?: number;
  } = {},
): Promise<LoopSetup> {
  const requester = options.requester ?? (await createUser(deps.db, { roles: ['sales'] }));
  const owner = await createUser(deps.db, { roles: ['owner'] });
  const account = options.account ?? (await createAccount(deps.db, { ownerUserId: owner.id }));
  const advocate = options.advocate ?? (await createAdvocate(deps, account.id, { timeZone: 'Europe/Paris' }));
  const opportunity =
    options.opportunity ?? (options.withOpportunity === false ? null : await createOpportunity(deps, { ownerUserId: (options.opportunityOwner ?? requester).id }));
  const request =
    options.request ??
    (
      await deps.db
        .insert(referenceRequests)
        .values({
          requesterUserId: requester.id,
          team: requester.team,
          opportunityId: opportunity?.id ?? null,
          activityTypeKey: 'reference_call',
          prospect: { name: 'Globex', industryKey: 'software', country: 'FR' },
          criteria: [{ kind: 'industry', values: ['software'], mustHave: true }],
          topicKeys: ['security'],
          neededBy: isoDay(addDays(deps.now(), 21)),
          referencesNeeded: options.referencesNeeded ?? 1,
          status: 'matching',
          submittedAt: deps.now(),
        })
        .returning()
    )[0]!;
  const [inserted] = await deps.db
    .insert(requestCandidates)
    .values({ requestId: request.id, advocateId: advocate.id, accountId: account.id, status: 'owner_pending', score: 80, approverUserId: account.ownerUserId ?? owner.id })
    .returning();
  for (const step of STEPS[options.status ?? 'accepted'] ?? []) {
    const set = step.transition === 'advocate_propose_dates' ? { proposedDates: options.proposedDates ?? [] } : undefined;
    await moveCandidate(deps, inserted!.id, step.transition, step.parties, { set });
  }
  const [candidate] = await deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, inserted!.id));
  const [after] = await deps.db.select().from(referenceRequests).where(eq(referenceRequests.id, request.id));
  return { requester, owner, account, advocate, opportunity, request: after!, candidate: candidate! };
}

/** A signed ask link for a candidate, as C1's ask step writes it (only the hash is stored); answered unless told. */
export async function createAskToken(deps: ServiceDeps, candidateId: string, options: { answered?: boolean; expiresAt?: Date } = {}): Promise<string> {
  const token = randomToken();
  const now = deps.now();
  await deps.db.insert(advocateAskTokens).values({
    candidateId,
    tokenHash: sha256(token),
    expiresAt: options.expiresAt ?? addDays(now, 7),
    answeredAt: options.answered === false ? null : now,
    createdAt: now,
  });
  return token;
}

/** Records a date that has just passed (as an admin would after the fact): the candidate is scheduled, the activity counts today. */
export async function scheduleInPast(deps: ServiceDeps, candidateId: string, minutesAgo = 120): Promise<Date> {
  const startsAt = new Date(deps.now().getTime() - minutesAgo * 60_000);
  await moveCandidate(deps, candidateId, 'schedule', ['admin'], { set: { scheduledAt: startsAt, durationMinutes: 30 }, occursOn: isoDay(startsAt) });
  return startsAt;
}

/** A candidate whose conversation took place: accepted, scheduled in the past, recorded as happened. */
export async function setUpHappened(deps: ServiceDeps, options: Parameters<typeof setUpCandidate>[1] = {}): Promise<LoopSetup> {
  const setup = await setUpCandidate(deps, options);
  await scheduleInPast(deps, setup.candidate.id);
  await moveCandidate(deps, setup.candidate.id, 'record_happened', ['admin']);
  return setup;
}

/** The activity that books a candidate's capacity. */
export async function activityOfCandidate(deps: ServiceDeps, candidateId: string): Promise<typeof activities.$inferSelect> {
  const [row] = await deps.db.select().from(activities).where(eq(activities.candidateId, candidateId));
  if (!row) throw new Error('no activity for this candidate');
  return row;
}
