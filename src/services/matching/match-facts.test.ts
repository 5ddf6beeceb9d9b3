import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { activities, debriefs, referenceRequests, requestCandidates } from '../../db/schema/index.js';
import { CANDIDATE_STATUSES, type ActivityStatus, type CandidateStatus } from '../../domain/requests/request-states.js';
import { createAccount, createUser } from '../../../test/helpers/factories.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { createActiveAdvocate } from '../../../test/helpers/request-fixtures.js';
import { loadCandidateDetails, loadCandidateFacts } from './match-facts.js';

/**
 * The track record the details query reads with each candidate, against a count written out by
 * hand from what was inserted: every candidate status asked and not, uses that happened or not,
 * debriefs from both sides, rated or not.
 */
let t: TestApp;
const advocateIds: string[] = [];
const expected = new Map<string, { asked: number; accepted: number; rated: number; metNeeds: number }>();
const ACCEPTED: readonly CandidateStatus[] = ['accepted', 'dates_proposed', 'scheduled', 'happened', 'did_not_happen'];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  const seller = await createUser(db, { roles: ['sales'] });
  const account = await createAccount(db);
  // One advocate per request: a candidate of each status needs a request of its own.
  const newRequest = async () => {
    const [request] = await db
      .insert(referenceRequests)
      .values({ requesterUserId: seller.id, team: 'sales', activityTypeKey: 'reference_call', neededBy: '2026-12-20', status: 'in_progress' })
      .returning();
    return request!.id;
  };
  // Advocate k gets candidates in the statuses from k on (asked when k is even), and uses with debriefs.
  for (let k = 0; k < 4; k++) {
    const advocate = await createActiveAdvocate(db, account.id);
    advocateIds.push(advocate.id);
    const statuses = CANDIDATE_STATUSES.slice(k * 2);
    const askedAt = k % 2 === 0 ? new Date('2026-11-01T10:00:00Z') : null;
    for (const status of statuses) {
      await db.insert(requestCandidates).values({ requestId: await newRequest(), advocateId: advocate.id, accountId: account.id, status, askedAt });
    }
    const every: { status: ActivityStatus; requester?: number | null; advocateSide?: boolean }[] = [
      { status: 'happened', requester: 5 - k },
      { status: 'happened', requester: null },
      { status: 'did_not_happen', requester: 2 },
      { status: 'happened', advocateSide: true },
      { status: 'planned', requester: 5 },
      { status: 'cancelled', requester: 4 },
    ];
    const uses = every.slice(0, 6 - k);
    let rated = 0;
    let met = 0;
    for (const [i, use] of uses.entries()) {
      const [activity] = await db
        .insert(activities)
        .values({ advocateId: advocate.id, accountId: account.id, activityTypeKey: 'reference_call', status: use.status, occursOn: `2026-10-${10 + i}`, weight: 1 })
        .returning();
      if (use.requester !== undefined) {
        await db.insert(debriefs).values({ activityId: activity!.id, side: 'requester', happened: use.status === 'happened', metNeeds: use.requester });
      }
      if (use.advocateSide) await db.insert(debriefs).values({ activityId: activity!.id, side: 'advocate', happened: true, wouldDoAgain: true });
      const counts = use.status === 'happened' || use.status === 'did_not_happen';
      if (counts && typeof use.requester === 'number') {
        rated++;
        if (use.requester >= 4) met++;
      }
    }
    expected.set(advocate.id, {
      asked: askedAt ? statuses.filter((s) => s !== 'advocate_pending').length : 0,
      accepted: statuses.filter((s) => ACCEPTED.includes(s)).length,
      rated,
      metNeeds: met,
    });
  }
});
afterAll(() => t.close());

describe('the track record read with the details', () => {
  it('counts asks answered, asks accepted, rated uses and uses that met the needs', async () => {
    const details = await loadCandidateFacts(
      t.deps.db,
      advocateIds.map((advocateId) => ({ advocateId, accountId: '' })),
      { on: '2026-12-01', span: 90, usedOnOpportunity: new Set() },
    );
    expect(details.map((d) => d.facts.advocateId)).toEqual(advocateIds);
    for (const d of details) expect(d.facts.history).toEqual(expected.get(d.facts.advocateId));
    // The cases differ, so a count that ignored its filter would show.
    expect(new Set([...expected.values()].map((h) => JSON.stringify(h))).size).toBe(4);
  });

  it('reads the same from advocate_match as from the advocates table', async () => {
    const fromCopy = await loadCandidateDetails(t.deps.db, { ids: advocateIds, on: '2026-12-01', span: 90, usedOnOpportunity: new Set() });
    expect(fromCopy.map((d) => d.facts.history)).toEqual(advocateIds.map((id) => expected.get(id)));
  });

  it('stays right as candidates, uses and debriefs change, move or go', async () => {
    const db = t.deps.db;
    const read = async () => (await loadCandidateFacts(db, advocateIds.map((advocateId) => ({ advocateId, accountId: '' })), { on: '2026-12-01', span: 90, usedOnOpportunity: new Set() })).map((d) => d.facts.history);
    /** The same counts written as plain joins, straight from the records. */
    const recount = async () =>
      Promise.all(
        advocateIds.map(async (id) => {
          const [row] = await queryRows<{ asked: number; accepted: number; rated: number; met: number }>(
            db,
            sql`select (select count(*) from request_candidates c where c.advocate_id = ${id} and c.asked_at is not null and c.status <> 'advocate_pending')::int as asked,
                       (select count(*) from request_candidates c where c.advocate_id = ${id} and c.status in ('accepted', 'dates_proposed', 'scheduled', 'happened', 'did_not_happen'))::int as accepted,
                       (select count(*) from activities x join debriefs d on d.activity_id = x.id and d.side = 'requester'
                         where x.advocate_id = ${id} and x.status in ('happened', 'did_not_happen') and d.met_needs is not null)::int as rated,
                       (select count(*) from activities x join debriefs d on d.activity_id = x.id and d.side = 'requester'
                         where x.advocate_id = ${id} and x.status in ('happened', 'did_not_happen') and d.met_needs >= 4)::int as met`,
          );
          return { asked: row!.asked, accepted: row!.accepted, rated: row!.rated, metNeeds: row!.met };
        }),
      );
    const [a, b] = advocateIds as [string, string];
    const changes = [
      sql`update request_candidates set status = 'accepted' where advocate_id = ${a} and status = 'advocate_pending'`,
      sql`update request_candidates set asked_at = null where advocate_id = ${a} and status = 'accepted'`,
      sql`update activities set status = 'cancelled' where advocate_id = ${a} and status = 'did_not_happen'`,
      sql`update activities set status = 'happened' where advocate_id = ${b} and status = 'planned'`,
      sql`update debriefs set met_needs = 1 where side = 'requester' and activity_id in (select id from activities where advocate_id = ${b})`,
      sql`delete from debriefs where side = 'requester' and met_needs is not null and activity_id in (select id from activities where advocate_id = ${a} and status = 'happened')`,
      // A merge moves one advocate's history to another.
      sql`update activities set advocate_id = ${a} where advocate_id = ${b}`,
      sql`update request_candidates set advocate_id = ${a} where advocate_id = ${b} and status = 'scheduled'`,
      sql`delete from reference_requests where id in (select request_id from request_candidates where advocate_id = ${a} and status = 'withdrawn')`,
      sql`delete from activities where advocate_id = ${a} and status = 'happened'`,
    ];
    for (const [i, change] of changes.entries()) {
      const before = await recount();
      await db.execute(change);
      const after = await recount();
      expect(after, `change ${i} changes a count`).not.toEqual(before);
      expect(await read(), `change ${i}`).toEqual(after);
    }
  });
});
