import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../../db/client.js';
import { activities, requestCandidates } from '../../../db/schema/index.js';
import { DEFAULT_PROGRAM_POLICY } from '../../../domain/requests/program-policy.js';
import { buildApp } from '../../app.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { businessDaysFromNow, createActiveAdvocate, createCast, createOpportunity, setProgramPolicy, type Cast } from '../../../../test/helpers/request-fixtures.js';

const APPROVALS = 50;
const ROOM = 3;

let t: TestApp;
let cast: Cast;
/** On PostgreSQL, a second app on the same database with a pool wide enough for real parallel transactions. */
let wide: { app: FastifyInstance; database: Database } | null = null;

beforeAll(async () => {
  t = await createTestApp();
  cast = await createCast(t);
  await setProgramPolicy(t.deps.db, { caps: { ...DEFAULT_PROGRAM_POLICY.caps, advocateUnits: ROOM, accountUnits: 1000, restDays: 0 } });
  if (t.db.url) {
    const database = await openDatabase({ kind: 'postgres', url: t.db.url, max: 30 });
    const app = await buildApp({ database, config: t.config, logger: pino({ level: 'silent' }), now: t.clock.now });
    await app.ready();
    wide = { app, database };
  }
}, 120_000);
afterAll(async () => {
  if (wide) {
    await wide.app.close();
    await wide.database.close();
  }
  await t.close();
});

describe('booking capacity under concurrent approvals', () => {
  it(`${APPROVALS} concurrent owner approvals for one advocate with room for ${ROOM} uses book exactly ${ROOM}; the others get a clear 409`, async () => {
    const advocate = await createActiveAdvocate(t.deps.db, cast.accountId);
    const pending: { requestId: string; candidateId: string }[] = [];
    for (let i = 0; i < APPROVALS; i++) {
      // One deal each: matching never uses an advocate twice on one opportunity.
      const deal = await createOpportunity(t.deps.db, cast.seller.id);
      const res = await cast.seller.client.post('/api/requests', {
        opportunityId: deal.id,
        activityTypeKey: 'reference_call',
        neededBy: businessDaysFromNow(t, 10),
        submit: true,
        pickedAdvocateIds: [advocate.id],
      });
      expect(res.statusCode, res.body).toBe(201);
      const body = res.json<{ id: string; candidates: { id: string }[] }>();
      pending.push({ requestId: body.id, candidateId: body.candidates[0]!.id });
    }

    const owner = cast.owner.client;
    const headers = { cookie: owner.cookie!, 'x-csrf-token': owner.csrfToken!, 'content-type': 'application/json' };
    const approve = ({ requestId, candidateId }: { requestId: string; candidateId: string }) => {
      const url = `/api/requests/${requestId}/candidates/${candidateId}/approve`;
      // PGlite is one connection: the calls queue there. PostgreSQL takes them in parallel transactions.
      return wide ? wide.app.inject({ method: 'POST', url, headers, payload: '{}' }) : owner.post(url, {});
    };
    const results = await Promise.all(pending.map(approve));

    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(ROOM);
    expect(codes.filter((c) => c === 409)).toHaveLength(APPROVALS - ROOM);
    const refusal = results.find((r) => r.statusCode === 409)!;
    expect(refusal.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refusal.json()).toMatchObject({ status: 409, title: 'Conflict', detail: expect.stringMatching(/overuse the advocate.*3 of 3 units/) });

    const booked = await t.deps.db.select().from(activities).where(and(eq(activities.advocateId, advocate.id), eq(activities.status, 'held')));
    expect(booked).toHaveLength(ROOM);
    const asked = await t.deps.db.select().from(requestCandidates).where(and(eq(requestCandidates.advocateId, advocate.id), eq(requestCandidates.status, 'advocate_pending')));
    expect(asked).toHaveLength(ROOM);
    expect(new Set(booked.map((a) => a.candidateId))).toEqual(new Set(asked.map((c) => c.id)));
    const stillPending = await t.deps.db.select().from(requestCandidates).where(and(eq(requestCandidates.advocateId, advocate.id), eq(requestCandidates.status, 'owner_pending')));
    expect(stillPending).toHaveLength(APPROVALS - ROOM);
  }, 180_000);
});
