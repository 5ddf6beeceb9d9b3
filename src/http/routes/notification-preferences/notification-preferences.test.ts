import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../../../db/schema/index.js';
import { NOTIFICATION_KINDS, optionalKinds } from '../../../domain/notifications/catalog.js';
import { ROLES } from '../../../domain/roles.js';
import { createTestApp, type ApiClient, type TestApp } from '../../../../test/helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

interface Preference {
  kind: string;
  label: string;
  description: string;
  required: boolean;
  enabled: boolean;
}

const URL = '/api/me/notification-preferences';
const put = (client: ApiClient, preferences: Record<string, unknown>) => client.request({ method: 'PUT', url: URL, payload: { preferences } });
const read = async (client: ApiClient) => {
  const res = await client.get(URL);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: Preference[] }>().items;
};
const optOutsOf = async (userId: string) =>
  (await t.db.database.db.select({ o: users.notificationOptOuts }).from(users).where(eq(users.id, userId)))[0]?.o;

describe('notification preferences', () => {
  it.each(ROLES)('lists every message for users to a %s, required ones always on, and lets them turn optional ones off and on', async (role) => {
    const client = await t.signedInAs([role]);
    const items = await read(client);
    const userKinds = Object.entries(NOTIFICATION_KINDS).filter(([, info]) => info.audience === 'user');
    expect(items.map((i) => i.kind)).toEqual(userKinds.map(([kind]) => kind));
    expect(items.every((i) => i.enabled)).toBe(true);
    expect(items.find((i) => i.kind === 'request.scheduled')).toEqual({
      kind: 'request.scheduled',
      label: 'Scheduled',
      description: NOTIFICATION_KINDS['request.scheduled'].description,
      required: true,
      enabled: true,
    });
    expect(items.filter((i) => !i.required).map((i) => i.kind)).toEqual(optionalKinds('user'));

    const off = await put(client, { 'request.won': false, 'request.call_reminder': false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().items.filter((i: Preference) => !i.enabled).map((i: Preference) => i.kind)).toEqual(['request.call_reminder', 'request.won']);
    expect(await optOutsOf(client.userId!)).toEqual(['request.call_reminder', 'request.won']);
    // Kinds not named keep their choice; turning one back on.
    await put(client, { 'request.won': true });
    expect((await read(client)).filter((i) => !i.enabled).map((i) => i.kind)).toEqual(['request.call_reminder']);

    const audit = await t.db.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'user.notification_preferences_changed'));
    const mine = audit.filter((e) => e.actorUserId === client.userId);
    expect(mine.map((e) => e.details)).toEqual([
      { turnedOff: ['request.call_reminder', 'request.won'], turnedOn: [] },
      { turnedOff: [], turnedOn: ['request.won'] },
    ]);
    expect(mine[0]).toMatchObject({ targetType: 'user', targetId: client.userId });
  });

  it('records nothing when nothing changes', async () => {
    const client = await t.signedInAs(['sales']);
    await put(client, { 'request.won': true });
    await put(client, {});
    const audit = await t.db.database.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, client.userId!));
    expect(audit.filter((e) => e.action === 'user.notification_preferences_changed')).toEqual([]);
  });

  it('refuses unknown, advocate-only and required kinds with a reason per field, changing nothing', async () => {
    const client = await t.signedInAs(['owner']);
    const res = await put(client, { 'request.won': false, 'request.scheduled': false, 'advocate.thank_you': false, 'made.up': true });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      { field: 'preferences.request.scheduled', reason: 'is a required message and is always sent' },
      { field: 'preferences.advocate.thank_you', reason: 'is not a message sent to Vouch users' },
      { field: 'preferences.made.up', reason: 'is not a notification kind' },
    ]);
    expect(await optOutsOf(client.userId!)).toEqual([]);

    const shape = await client.request({ method: 'PUT', url: URL, payload: { preferences: { 'request.won': 'no' } } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors[0].field).toMatch(/^preferences/);
    expect((await client.request({ method: 'PUT', url: URL, payload: {} })).statusCode).toBe(400);
    expect((await client.request({ method: 'PUT', url: URL, payload: { preferences: {}, extra: 1 } })).statusCode).toBe(400);
  });

  it('is personal: a change touches only the caller, and anonymous callers get 401', async () => {
    const a = await t.signedInAs(['admin']);
    const b = await t.signedInAs(['admin']);
    await put(a, { 'request.submitted': false });
    expect((await read(b)).every((i) => i.enabled)).toBe(true);
    expect(await optOutsOf(b.userId!)).toEqual([]);
    const anonymous = t.client();
    expect((await anonymous.get(URL)).statusCode).toBe(401);
    expect((await anonymous.request({ method: 'PUT', url: URL, payload: { preferences: {} } })).statusCode).toBe(401);
  });
});
