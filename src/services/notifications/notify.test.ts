import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestClock } from '../../../test/helpers/app.js';
import { testConfig } from '../../../test/helpers/config.js';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.js';
import { createAccount, createOrganization, createUser } from '../../../test/helpers/factories.js';
import type { Db } from '../../db/client.js';
import { advocates, notifications, outboxMessages, users, webhookEndpoints } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { notify, type Notice, type NoticeRecipient } from './notify.js';

let testDb: TestDatabase;
let db: Db;
let accountId: string;
const clock = new TestClock(new Date('2026-11-27T17:30:00Z')); // a Friday, 18:30 in Paris
const log = pino({ level: 'silent' });
const withSmtp: ServiceDeps = { db: undefined as unknown as Db, config: testConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }), now: clock.now, log };
const withoutSmtp: ServiceDeps = { ...withSmtp, config: testConfig() };

function notice(kind: Notice['kind'], recipients: NoticeRecipient[], extra: Partial<Notice> = {}): Notice {
  return {
    kind,
    recipients,
    render: (r) => ({ email: { subject: `Hello ${r.name}`, text: `Hi ${r.name}\n`, html: `<p>Hi ${r.name}</p>` }, title: `For ${r.name}`, body: 'Body' }),
    ...extra,
  };
}

async function createAdvocate(values: Partial<typeof advocates.$inferInsert> = {}) {
  const [row] = await db
    .insert(advocates)
    .values({ accountId, firstName: 'Ada', lastName: 'Lovelace', email: `ada-${Math.random().toString(16).slice(2)}@customer.example`, status: 'active', ...values })
    .returning();
  return row!;
}

async function createEndpoint(values: Partial<typeof webhookEndpoints.$inferInsert> = {}) {
  const [row] = await db.insert(webhookEndpoints).values({ kind: 'slack', name: 'Program', url: 'https://hooks.slack.com/services/T/B/x', ...values }).returning();
  return row!;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  withSmtp.db = db;
  withoutSmtp.db = db;
  await createOrganization(db);
  accountId = (await createAccount(db)).id;
});
afterAll(() => testDb.drop());
beforeEach(async () => {
  await db.delete(outboxMessages);
  await db.delete(notifications);
  await db.delete(webhookEndpoints);
  await db.update(users).set({ status: 'deactivated' }); // each test starts with no active admins
});

describe('notify', () => {
  it('writes one e-mail and one in-app notice per active user, pending with SMTP and held without', async () => {
    const ann = await createUser(db, { name: 'Ann Seller' });
    const gone = await createUser(db, { status: 'deactivated' });
    const result = await notify(withSmtp, db, notice('request.owner_declined', [{ kind: 'user', userId: ann.id }, { kind: 'user', userId: gone.id }], { link: '/requests/x', dedupeKey: undefined }));
    expect(result).toEqual({ emails: 1, inApp: 1, webhooks: 0 });
    const [mail] = await db.select().from(outboxMessages);
    expect(mail).toMatchObject({ channel: 'email', recipient: ann.email, subject: 'Hello Ann Seller', status: 'pending', recipientUserId: ann.id, recipientAdvocateId: null });
    const [inApp] = await db.select().from(notifications);
    expect(inApp).toMatchObject({ userId: ann.id, kind: 'request.owner_declined', title: 'For Ann Seller', body: 'Body', link: '/requests/x' });

    await notify(withoutSmtp, db, notice('request.owner_declined', [{ kind: 'user', userId: ann.id }]));
    const statuses = (await db.select().from(outboxMessages)).map((m) => m.status).sort();
    expect(statuses).toEqual(['held', 'pending']);
  });

  it('resolves the program team to every active admin, once each', async () => {
    const a1 = await createUser(db, { roles: ['admin'] });
    const a2 = await createUser(db, { roles: ['admin', 'owner'] });
    await createUser(db, { roles: ['admin'], status: 'deactivated' });
    await createUser(db, { roles: ['sales'] });
    const result = await notify(withSmtp, db, notice('request.deadline_at_risk', [{ kind: 'program_team' }, { kind: 'user', userId: a1.id }]));
    expect(result.emails).toBe(2);
    expect(result.inApp).toBe(2);
    const to = (await db.select().from(outboxMessages)).map((m) => m.recipient).sort();
    expect(to).toEqual([a1.email, a2.email].sort());
  });

  it('honours opt-outs for optional kinds and ignores them for required ones', async () => {
    const u = await createUser(db);
    await db.update(users).set({ notificationOptOuts: ['request.won', 'request.scheduled'] }).where(eq(users.id, u.id));
    expect(await notify(withSmtp, db, notice('request.won', [{ kind: 'user', userId: u.id }]))).toEqual({ emails: 0, inApp: 0, webhooks: 0 });
    expect(await notify(withSmtp, db, notice('request.scheduled', [{ kind: 'user', userId: u.id }]))).toMatchObject({ emails: 1, inApp: 1 });

    const adv = await createAdvocate({ notificationOptOuts: ['advocate.thank_you', 'advocate.ask'] });
    expect((await notify(withSmtp, db, notice('advocate.thank_you', [{ kind: 'advocate', advocateId: adv.id }]))).emails).toBe(0);
    expect((await notify(withSmtp, db, notice('advocate.ask', [{ kind: 'advocate', advocateId: adv.id }]))).emails).toBe(1);
  });

  it('writes no in-app notice for advocates, and skips withdrawn, departed and unreachable ones', async () => {
    const ok = await createAdvocate({ timeZone: null });
    const withdrawn = await createAdvocate({ status: 'withdrawn', withdrawnAt: clock.now() });
    const left = await createAdvocate({ status: 'left_company' });
    const noEmail = await createAdvocate({ email: null });
    const all: NoticeRecipient[] = [ok, withdrawn, left, noEmail].map((a) => ({ kind: 'advocate', advocateId: a.id }));
    expect(await notify(withSmtp, db, notice('advocate.scheduled', all, { attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] }))).toEqual({ emails: 1, inApp: 0, webhooks: 0 });
    const [mail] = await db.select().from(outboxMessages);
    expect(mail).toMatchObject({ recipient: ok.email, recipientAdvocateId: ok.id, attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }] });

    // A withdrawn advocate may still ask for a sign-in link to their page.
    expect((await notify(withSmtp, db, notice('advocate.sign_in_link', [{ kind: 'advocate', advocateId: withdrawn.id }]))).emails).toBe(1);
  });

  it('holds local-hours messages to advocates until a working hour in their zone', async () => {
    const paris = await createAdvocate({ timeZone: 'Europe/Paris' });
    const unknown = await createAdvocate({ timeZone: 'Nowhere/Land' });
    await notify(withSmtp, db, notice('advocate.ask', [{ kind: 'advocate', advocateId: paris.id }, { kind: 'advocate', advocateId: unknown.id }]));
    // Not a local-hours kind: goes now even to Paris.
    await notify(withSmtp, db, notice('advocate.sign_in_link', [{ kind: 'advocate', advocateId: paris.id }]));
    const rows = await db.select().from(outboxMessages);
    const at = (id: string, kind: string) => rows.find((r) => r.recipientAdvocateId === id && r.kind === kind)?.availableAt.toISOString();
    expect(at(paris.id, 'advocate.ask')).toBe('2026-11-30T07:00:00.000Z'); // Monday 08:00 Paris
    expect(at(unknown.id, 'advocate.ask')).toBe(clock.now().toISOString());
    expect(at(paris.id, 'advocate.sign_in_link')).toBe(clock.now().toISOString());
  });

  it('is idempotent with a dedupe key: calling twice writes once', async () => {
    const u = await createUser(db, { roles: ['admin'] });
    await createEndpoint();
    const n = notice('request.deadline_at_risk', [{ kind: 'program_team' }], { dedupeKey: 'deadline:r1', link: '/requests/r1' });
    expect(await notify(withSmtp, db, n)).toEqual({ emails: 1, inApp: 1, webhooks: 1 });
    expect(await notify(withSmtp, db, n)).toEqual({ emails: 0, inApp: 0, webhooks: 0 });
    expect(await db.select().from(outboxMessages)).toHaveLength(2);
    const [inApp] = await db.select().from(notifications);
    expect(inApp?.dedupeKey).toBe(`deadline:r1:${u.id}`);
  });

  it('posts program events to enabled endpoints of the matching team only, as the JSON body for that service', async () => {
    const everyone = await createEndpoint({ name: 'All', kind: 'slack' });
    const pr = await createEndpoint({ name: 'PR', kind: 'teams', team: 'pr' });
    await createEndpoint({ name: 'Sales', team: 'sales' });
    await createEndpoint({ name: 'Off', enabled: false });
    const wonOnly = await createEndpoint({ name: 'Wins', events: ['request.won'] });

    const result = await notify(withoutSmtp, db, notice('request.submitted', [], { team: 'pr', webhookText: 'R-7 from Pat needs a reference', link: '/requests/r7' }));
    expect(result).toEqual({ emails: 0, inApp: 0, webhooks: 2 });
    const rows = await db.select().from(outboxMessages);
    expect(rows.map((r) => r.recipient).sort()).toEqual([everyone.id, pr.id].sort());
    expect(rows.every((r) => r.status === 'pending')).toBe(true); // webhooks do not need SMTP
    const slack = rows.find((r) => r.channel === 'slack')!;
    expect(slack.payload).toMatchObject({ text: 'New request: R-7 from Pat needs a reference' });
    expect(JSON.stringify(slack.payload)).toContain('<http://vouch.test/requests/r7|Open in Vouch>');
    const teams = rows.find((r) => r.channel === 'teams')!;
    expect(teams.payload).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
    expect(JSON.stringify(teams.payload)).not.toContain('hooks.slack.com');

    await db.delete(outboxMessages);
    expect((await notify(withoutSmtp, db, notice('request.won', [], { team: null }))).webhooks).toBe(2); // everyone + wins
    expect((await db.select().from(outboxMessages)).map((r) => r.recipient).sort()).toEqual([everyone.id, wonOnly.id].sort());
    // Not a program event: no post at all.
    expect((await notify(withoutSmtp, db, notice('request.owner_declined', [], { team: 'pr' }))).webhooks).toBe(0);
  });
});
