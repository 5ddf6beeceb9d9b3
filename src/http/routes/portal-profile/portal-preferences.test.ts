import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advocates, auditEvents } from '../../../db/schema/index.js';
import { createTestApp, type TestApp } from '../../../../test/helpers/app.js';
import { createAccount } from '../../../../test/helpers/factories.js';
import { portalRequest, signInAdvocate, type PortalSession } from '../../../../test/helpers/portal-session.js';
import { createActiveAdvocate } from '../../../../test/helpers/request-fixtures.js';

let t: TestApp;
let accountId: string;
beforeAll(async () => {
  t = await createTestApp();
  accountId = (await createAccount(t.deps.db)).id;
});
afterAll(() => t.close());

async function advocateWithSession(overrides: Partial<typeof advocates.$inferInsert> = {}) {
  const advocate = await createActiveAdvocate(t.deps.db, accountId, overrides);
  return { advocate, session: await signInAdvocate(t.app, t.deps.db, advocate.id, t.clock.now()) };
}
const read = (s: PortalSession) => portalRequest(t.app, s, { method: 'GET', url: '/api/portal/preferences' });
const save = (s: PortalSession, payload: object) => portalRequest(t.app, s, { method: 'PUT', url: '/api/portal/preferences', payload });

describe('the advocate’s preferences', () => {
  it('shows willingness per activity type, the cap in the program’s units and the messages (required ones always on)', async () => {
    const { session } = await advocateWithSession({ willingness: { reference_call: 'yes', site_visit: 'no' }, notificationOptOuts: ['advocate.thank_you'] });
    const res = await read(session);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.activityTypes).toEqual(
      expect.arrayContaining([
        { key: 'reference_call', label: 'Reference call', weight: 1, willingness: 'yes' },
        { key: 'site_visit', label: 'Site visit', weight: 3, willingness: 'no' },
        expect.objectContaining({ key: 'webinar', willingness: 'ask_first' }),
      ]),
    );
    expect(body).toMatchObject({ personalCap: null, cap: { windowDays: 365, programUnits: 6, maxUnits: 6 } });
    const byKind = Object.fromEntries(body.messages.map((m: { kind: string }) => [m.kind, m]));
    expect(byKind['advocate.ask']).toMatchObject({ required: true, enabled: true });
    expect(byKind['advocate.thank_you']).toMatchObject({ required: false, enabled: false });
    expect(byKind['request.won']).toBeUndefined();
  });

  it('applies changes at once, audited, keeping willingness the team recorded for retired types', async () => {
    const { advocate, session } = await advocateWithSession({ willingness: { reference_call: 'yes', old_retired_type: 'no' } });
    const res = await save(session, { willingness: { reference_call: 'ask_first', case_study: 'no' }, personalCap: 3, optOuts: ['advocate.call_reminder', 'advocate.helped_win'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ personalCap: 3 });
    const [row] = await t.deps.db.select().from(advocates).where(eq(advocates.id, advocate.id));
    expect(row).toMatchObject({
      willingness: { reference_call: 'ask_first', case_study: 'no', old_retired_type: 'no' },
      personalCap: 3,
      notificationOptOuts: ['advocate.call_reminder', 'advocate.helped_win'],
    });
    const [audit] = await t.deps.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'advocate.preferences_updated'), eq(auditEvents.targetId, advocate.id)));
    expect(audit?.details).toMatchObject({ personalCap: 3, previousPersonalCap: null });
  });

  it('refuses required messages, unknown kinds and types, and a cap above the program’s, per field', async () => {
    const { session } = await advocateWithSession({ personalCap: 8 });
    expect((await read(session)).json().cap.maxUnits).toBe(8);
    const res = await save(session, { willingness: { tea_party: 'yes' }, personalCap: 9, optOuts: ['advocate.ask', 'request.won', 'nonsense'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'willingness.tea_party', reason: expect.stringContaining('not a current activity type') },
        { field: 'personalCap', reason: 'can be at most 8 units (the program\'s limit)' },
        { field: 'optOuts.0', reason: expect.stringContaining('always sent') },
        { field: 'optOuts.1', reason: expect.stringContaining('not a message you receive') },
        { field: 'optOuts.2', reason: expect.stringContaining('not a message you receive') },
      ]),
    );
    expect((await save(session, { willingness: { reference_call: 'maybe' }, personalCap: null, optOuts: [] })).statusCode).toBe(400);
    expect((await portalRequest(t.app, session, { method: 'PUT', url: '/api/portal/preferences', payload: { willingness: {}, personalCap: null, optOuts: [] }, headers: { 'x-csrf-token': 'x' } })).statusCode).toBe(403);
    expect((await t.client().request({ method: 'PUT', url: '/api/portal/preferences', payload: { willingness: {}, personalCap: null, optOuts: [] } })).statusCode).toBe(401);
  });
});
