import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, advocates, referenceRequests, requestCandidates, requestEvents } from '../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY, type ProgramPolicy } from '../../domain/requests/program-policy.js';
import { createAccount, createUser } from '../../../test/helpers/factories.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { transitionCandidate } from './transition-candidate.js';

let t: TestApp;
let sellerId: string;
let accountId: string;
const policy: ProgramPolicy = { ...DEFAULT_PROGRAM_POLICY, caps: { windowDays: 365, advocateUnits: 2, accountUnits: 10, restDays: 0 } };

beforeAll(async () => {
  t = await createTestApp();
  sellerId = (await createUser(t.deps.db, { roles: ['sales'] })).id;
  accountId = (await createAccount(t.deps.db)).id;
});
afterAll(() => t.close());

async function newAdvocate(): Promise<string> {
  const [row] = await t.deps.db.insert(advocates).values({ accountId, firstName: 'Ada', lastName: `L${Math.random()}`, status: 'active' }).returning();
  return row!.id;
}

async function newCandidate(advocateId: string, referencesNeeded = 1): Promise<{ requestId: string; candidateId: string }> {
  const [request] = await t.deps.db
    .insert(referenceRequests)
    .values({ requesterUserId: sellerId, team: 'sales', activityTypeKey: 'reference_call', neededBy: '2026-12-15', status: 'in_progress', referencesNeeded })
    .returning();
  const [candidate] = await t.deps.db.insert(requestCandidates).values({ requestId: request!.id, advocateId, accountId, status: 'owner_pending' }).returning();
  return { requestId: request!.id, candidateId: candidate!.id };
}

const move = (candidateId: string, transition: Parameters<typeof transitionCandidate>[3]['transition'], parties: Parameters<typeof transitionCandidate>[3]['parties'], reason?: string) =>
  t.deps.db.transaction((tx) => transitionCandidate(tx, t.clock.now(), policy, { candidateId, transition, parties, actor: null, actorKind: 'system', reason }));

describe('transitionCandidate', () => {
  it('books a held activity on approval, plans it on acceptance and puts every step on the timeline', async () => {
    const { requestId, candidateId } = await newCandidate(await newAdvocate());
    const approved = await move(candidateId, 'owner_approve', ['owner']);
    expect(approved.activity).toMatchObject({ status: 'held', weight: 1, occursOn: '2026-12-15', requestId });
    const accepted = await move(candidateId, 'advocate_accept', ['advocate']);
    expect(accepted.activity?.status).toBe('planned');
    expect(accepted.request.status).toBe('fulfilled');
    expect(accepted.request.fulfilledAt).not.toBeNull();
    const events = await t.deps.db.select().from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(requestEvents.at);
    expect(events.map((e) => e.kind)).toEqual(['owner_approve', 'advocate_accept', 'status_changed']);
  });

  it('refuses a step out of order (409), by the wrong party (403) and without a required reason (400)', async () => {
    const { candidateId } = await newCandidate(await newAdvocate());
    await expect(move(candidateId, 'advocate_accept', ['advocate'])).rejects.toMatchObject({ status: 409 });
    await expect(move(candidateId, 'owner_approve', ['requester', 'admin'])).rejects.toMatchObject({ status: 403 });
    await expect(move(candidateId, 'owner_decline', ['owner'], '  ')).rejects.toMatchObject({ status: 400 });
    await move(candidateId, 'owner_approve', ['owner']);
    await expect(move(candidateId, 'owner_approve', ['owner'])).rejects.toMatchObject({ status: 409 });
  });

  it('refuses a booking past the advocate cap and leaves nothing behind', async () => {
    const advocateId = await newAdvocate();
    const first = await newCandidate(advocateId);
    const second = await newCandidate(advocateId);
    const third = await newCandidate(advocateId);
    await move(first.candidateId, 'owner_approve', ['owner']);
    await move(second.candidateId, 'owner_approve', ['owner']);
    await expect(move(third.candidateId, 'owner_approve', ['owner'])).rejects.toMatchObject({ status: 409, errors: [{ field: 'advocate_cap' }] });
    const [still] = await t.deps.db.select().from(requestCandidates).where(eq(requestCandidates.id, third.candidateId));
    expect(still?.status).toBe('owner_pending');
    expect(await t.deps.db.select().from(activities).where(eq(activities.candidateId, third.candidateId))).toEqual([]);
  });

  it('releases the capacity on a decline and sends the request back to matching (plan B)', async () => {
    const advocateId = await newAdvocate();
    const first = await newCandidate(advocateId);
    await move(first.candidateId, 'owner_approve', ['owner']);
    const declined = await move(first.candidateId, 'advocate_decline', ['advocate'], 'Travelling all month');
    expect(declined.activity?.status).toBe('cancelled');
    expect(declined.request.status).toBe('matching');
    expect(declined.requestStatusChanged).toBe(true);
    // Both units are free again: two more uses fit.
    for (let i = 0; i < 2; i++) {
      const next = await newCandidate(advocateId);
      await expect(move(next.candidateId, 'owner_approve', ['owner'])).resolves.toMatchObject({ activity: { status: 'held' } });
    }
  });
});
