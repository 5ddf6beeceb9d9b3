import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { advocates, notifications, outboxMessages, webhookEndpoints } from '../../src/db/schema/index.js';
import { createSmtpTransport, type EmailSender } from '../../src/integrations/email/smtp-transport.js';
import { WebhookTestReceiver } from '../../src/integrations/webhooks/webhook-test-receiver.js';
import { startOutboxDispatcher, type DeliveryChannels, type OutboxDispatcher } from '../../src/jobs/outbox-dispatcher.js';
import { freePort, readAttachments, TestSmtpServer } from '../../src/jobs/outbox-dispatcher-test-smtp.js';
import type { ServiceDeps } from '../../src/services/context.js';
import { notify, type Notice } from '../../src/services/notifications/notify.js';
import { TestClock } from '../helpers/app.js';
import { testConfig } from '../helpers/config.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createAccount, createOrganization, createUser } from '../helpers/factories.js';

/*
 * Delivery under failure, end to end: notify() writes the messages in a transaction, a real
 * SMTP server and a real HTTP receiver stand in for the mail server and Slack / Teams.
 */
const FROM = 'Vouch <vouch@vouch.test>';
const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:call-1@vouch\r\nSUMMARY:Reference call – Café Ltd\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
let testDb: TestDatabase;
let db: Db;
let clock: TestClock;
let receiver: WebhookTestReceiver;
let logged = '';
const log = pino(
  { level: 'debug' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logged += chunk.toString('utf8');
      done();
    },
  }),
);
const cleanups: Array<() => Promise<void> | void> = [];
let deps: ServiceDeps;
let advocateId: string;
let requesterId: string;

function dispatcher(channels: DeliveryChannels): OutboxDispatcher {
  const d = startOutboxDispatcher({ db, now: () => clock.now(), log }, channels, { intervalMs: 3_600_000 });
  cleanups.push(() => d.stop());
  return d;
}

function scheduledNotice(dedupeKey: string): Notice {
  return {
    kind: 'request.scheduled',
    recipients: [{ kind: 'user', userId: requesterId }],
    render: (r) => ({ email: { subject: `Scheduled for ${r.name}`, text: 'It is on.\n', html: '<p>It is on.</p>' }, title: 'Scheduled' }),
    attachments: [{ filename: 'reference-call.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ICS }],
    webhookText: 'R-7 is scheduled for Tuesday',
    link: '/requests/r7',
    team: 'sales',
    dedupeKey,
  };
}

async function rows() {
  return db.select().from(outboxMessages).orderBy(outboxMessages.channel);
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  await createOrganization(db);
  receiver = await new WebhookTestReceiver().listen();
  const account = await createAccount(db);
  const [advocate] = await db.insert(advocates).values({ accountId: account.id, firstName: 'Ada', lastName: 'L', email: 'ada@customer.example', status: 'active' }).returning();
  advocateId = advocate!.id;
  requesterId = (await createUser(db, { name: 'Sam Seller', email: 'sam@vouch.example' })).id;
});
afterAll(async () => {
  await receiver?.close();
  await testDb?.drop();
});
beforeEach(async () => {
  await db.delete(outboxMessages);
  await db.delete(notifications);
  await db.delete(webhookEndpoints);
  receiver.received.length = 0;
  receiver.answers = [];
  receiver.delayMs = 0;
  clock = new TestClock(new Date(Date.now() + 5_000));
  deps = { db, config: testConfig({ SMTP_URL: 'smtp://127.0.0.1:2525' }), now: () => clock.now(), log };
  logged = '';
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('delivery that loses nothing', () => {
  it('keeps e-mails while the SMTP server is down and delivers each once, with its .ics, when it is back', async () => {
    const port = await freePort();
    const sender: EmailSender = createSmtpTransport(`smtp://127.0.0.1:${port}`, FROM);
    cleanups.push(() => sender.close());
    await db.insert(webhookEndpoints).values({ kind: 'slack', name: 'Sales wins', url: receiver.url(), team: 'sales' });
    await db.transaction((tx) => notify(deps, tx, scheduledNotice('scheduled:c1')));
    await db.transaction((tx) =>
      notify(deps, tx, {
        kind: 'advocate.scheduled',
        recipients: [{ kind: 'advocate', advocateId }],
        render: () => ({ email: { subject: 'Your reference call', text: 'See the invitation.\n', html: '<p>See the invitation.</p>' }, title: 'Call' }),
        attachments: [{ filename: 'reference-call.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ICS }],
        dedupeKey: 'scheduled:c1',
      }),
    );
    const d = dispatcher({ email: sender });

    // Down: the Slack post goes, the e-mails wait with the reason.
    expect(await d.runOnce()).toBe(1);
    const failed = (await rows()).filter((r) => r.channel === 'email');
    expect(failed.map((r) => [r.status, r.attempts])).toEqual([['failed', 1], ['failed', 1]]);
    expect(failed[0]?.lastError).toMatch(/ECONNREFUSED/);

    // Back: nothing is sent before the backoff, then each exactly once.
    const smtp = await new TestSmtpServer().listen(port);
    cleanups.push(() => smtp.close());
    expect(await d.runOnce()).toBe(0);
    clock.advance(35_000);
    expect(await d.runOnce()).toBe(2);
    for (let i = 0; i < 3; i++) {
      clock.advance(3_600_000);
      expect(await d.runOnce()).toBe(0);
    }
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['ada@customer.example', 'sam@vouch.example']);
    for (const mail of smtp.received) {
      const [attachment, ...more] = readAttachments(mail.raw);
      expect(more).toEqual([]);
      expect(attachment).toMatchObject({ filename: 'reference-call.ics', content: ICS });
      expect(attachment?.contentType).toMatch(/^text\/calendar/);
    }
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
    expect(receiver.received).toHaveLength(1);

    // Notifying again with the same key writes nothing, so nothing is sent twice.
    expect(await db.transaction((tx) => notify(deps, tx, scheduledNotice('scheduled:c1')))).toEqual({ emails: 0, inApp: 0, webhooks: 0 });
  });

  it('retries a Slack post the receiver refused with a 500 and delivers it once, never logging the URL', async () => {
    await db.insert(webhookEndpoints).values({ kind: 'slack', name: 'Program', url: receiver.url() });
    await db.transaction((tx) => notify(deps, tx, scheduledNotice('scheduled:c2')));
    receiver.answers = [500];
    const d = dispatcher({ email: null });

    expect(await d.runOnce()).toBe(0);
    const [post] = (await rows()).filter((r) => r.channel === 'slack');
    expect(post).toMatchObject({ status: 'failed', attempts: 1 });
    expect(post?.lastError).toBe('Slack answered 500 Internal Server Error: server_error');
    clock.advance(35_000);
    expect(await d.runOnce()).toBe(1);
    clock.advance(3_600_000);
    expect(await d.runOnce()).toBe(0);

    expect(receiver.received).toHaveLength(2);
    expect(receiver.received.every((r) => r.path === '/services/T000/B000/secret-token-abcd')).toBe(true);
    expect(receiver.received[1]?.body).toMatchObject({ text: 'Scheduled: R-7 is scheduled for Tuesday' });
    const all = await rows();
    expect(all.find((r) => r.channel === 'slack')).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    // Without an e-mail sender the e-mail waits untouched for one.
    expect(all.find((r) => r.channel === 'email')).toMatchObject({ status: 'pending', attempts: 0 });
    expect(logged).toContain('slack delivery failed');
    expect(logged).not.toContain('secret-token');
  });

  it('gives up at once on a deleted or disabled endpoint, saying why, and delivers after it is enabled and retried', async () => {
    const [gone] = await db.insert(webhookEndpoints).values({ kind: 'teams', name: 'Old', url: receiver.url('/gone') }).returning();
    const [off] = await db.insert(webhookEndpoints).values({ kind: 'slack', name: 'Off', url: receiver.url('/off') }).returning();
    await db.transaction((tx) => notify(deps, tx, scheduledNotice('scheduled:c3')));
    await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, gone!.id));
    await db.update(webhookEndpoints).set({ enabled: false }).where(eq(webhookEndpoints.id, off!.id));
    const d = dispatcher({ email: null });

    expect(await d.runOnce()).toBe(0);
    const posts = (await rows()).filter((r) => r.channel !== 'email');
    expect(posts.map((r) => [r.channel, r.status, r.lastError])).toEqual([
      ['slack', 'dead', 'The Slack endpoint is turned off; turn it on and retry the message to deliver it'],
      ['teams', 'dead', 'The Microsoft Teams endpoint was deleted; the message cannot be delivered'],
    ]);
    expect(receiver.received).toHaveLength(0);
    // A row naming no endpoint at all (not an id) is given up on at once as well.
    const [odd] = await db.insert(outboxMessages).values({ kind: 'test', channel: 'slack', recipient: 'not-an-id', subject: 'S', bodyText: '', bodyHtml: '', availableAt: clock.now() }).returning();
    expect(await d.runOnce()).toBe(0);
    expect((await db.select().from(outboxMessages).where(eq(outboxMessages.id, odd!.id)))[0]).toMatchObject({ status: 'dead', lastError: 'The Slack message names no endpoint; it cannot be delivered' });

    await db.update(webhookEndpoints).set({ enabled: true }).where(eq(webhookEndpoints.id, off!.id));
    const slack = posts.find((r) => r.channel === 'slack')!;
    await db.update(outboxMessages).set({ status: 'pending', attempts: 0, availableAt: clock.now() }).where(eq(outboxMessages.id, slack.id));
    expect(await d.runOnce()).toBe(1);
    expect(receiver.received.map((r) => r.path)).toEqual(['/off']);
  });

  it('counts a receiver that does not answer in time as a failure to retry', async () => {
    await db.insert(webhookEndpoints).values({ kind: 'teams', name: 'Slow', url: receiver.url('/slow') });
    await db.transaction((tx) => notify(deps, tx, scheduledNotice('scheduled:c4')));
    receiver.delayMs = 1_000;
    const d = dispatcher({ email: null, webhookTimeoutMs: 200 });
    expect(await d.runOnce()).toBe(0);
    expect((await rows()).find((r) => r.channel === 'teams')).toMatchObject({ status: 'failed', lastError: 'Microsoft Teams did not answer within 200 ms' });
    receiver.delayMs = 0;
    clock.advance(35_000);
    expect(await d.runOnce()).toBe(1);
  });
});
