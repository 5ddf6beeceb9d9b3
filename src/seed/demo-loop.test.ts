import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities, impactRecords, opportunities, referenceRequests, requestCandidates, thankYous, users } from '../db/schema/index.js';
import { bootstrapOrganization } from '../services/setup/bootstrap.js';
import type { ServiceDeps } from '../services/context.js';
import { testConfig } from '../../test/helpers/config.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';

let db: TestDatabase;
let deps: ServiceDeps;
beforeAll(async () => {
  db = await createTestDatabase();
  deps = { db: db.database.db, config: testConfig({ VOUCH_SEED_DEMO: 'true', VOUCH_DEMO_PASSWORD: 'demo voices carry far 9' }), now: () => new Date('2026-11-23T10:00:00Z'), log: pino({ level: 'silent' }) };
  await bootstrapOrganization(deps);
}, 120_000);
afterAll(() => db.drop());

describe('the demo request loop', () => {
  it('shows every stage of the loop, played through the real use cases', async () => {
    const requests = await deps.db.select().from(referenceRequests);
    expect(requests.map((r) => r.status).sort()).toEqual(['blocked', 'closed', 'fulfilled', 'in_progress', 'matching']);
    const candidates = await deps.db.select().from(requestCandidates);
    expect(candidates.map((c) => c.status).sort()).toEqual(['happened', 'owner_pending', 'scheduled']);
    const blocked = requests.find((r) => r.status === 'blocked');
    expect(blocked?.readinessGaps.length).toBeGreaterThan(0);
  });

  it('closes the won deal with a debrief, a thank-you and an impact record', async () => {
    const [won] = await deps.db.select().from(opportunities).where(eq(opportunities.outcome, 'won'));
    expect(won?.prospectName).toBe('Fabrikam Retail');
    const impact = await deps.db.select().from(impactRecords).where(eq(impactRecords.opportunityId, won!.id));
    expect(impact).toHaveLength(1);
    const [activity] = await deps.db.select().from(activities).where(eq(activities.opportunityId, won!.id));
    expect(activity?.status).toBe('happened');
    expect(await deps.db.select().from(thankYous).where(eq(thankYous.activityId, activity!.id))).toHaveLength(1);
  });

  it('books capacity only for approved uses, each with an owner who is a demo user', async () => {
    const booked = await deps.db.select().from(activities).where(eq(activities.status, 'planned'));
    expect(booked).toHaveLength(1);
    const pending = await deps.db.select().from(requestCandidates).where(eq(requestCandidates.status, 'owner_pending'));
    const [approver] = await deps.db.select().from(users).where(eq(users.id, pending[0]!.approverUserId!));
    expect(approver?.email).toMatch(/^owner\d?@demo\.vouch\.test$/);
  });
});
