import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { outboxMessages, webhookEndpoints } from '../../src/db/schema/index.js';
import { createSmtpTransport } from '../../src/integrations/email/smtp-transport.js';
import { WebhookTestReceiver } from '../../src/integrations/webhooks/webhook-test-receiver.js';
import { startOutboxDispatcher, type OutboxDispatcher } from '../../src/jobs/outbox-dispatcher.js';
import { TestSmtpServer } from '../../src/jobs/outbox-dispatcher-test-smtp.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/*
 * Two app instances' dispatchers on one PostgreSQL, each with its own connection pool and its
 * own SMTP connection, running on their timers at the same time: every e-mail and every Slack
 * post is delivered exactly once.
 */
const N_EMAILS = 40;
const N_POSTS = 20;
const log = pino({ level: 'silent' });
let testDb: TestDatabase;
let pools: Database[] = [];
let smtp: TestSmtpServer;
let receiver: WebhookTestReceiver;
const dispatchers: OutboxDispatcher[] = [];
const closers: Array<() => void> = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  if (!testDb.url) throw new Error('this suite runs only on PostgreSQL');
  pools = await Promise.all([openDatabase({ kind: 'postgres', url: testDb.url, max: 4 }), openDatabase({ kind: 'postgres', url: testDb.url, max: 4 })]);
  smtp = await new TestSmtpServer().listen();
  receiver = await new WebhookTestReceiver().listen();
});
afterAll(async () => {
  for (const d of dispatchers) await d.stop();
  for (const close of closers) close();
  for (const pool of pools) await pool.close();
  await smtp?.close();
  await receiver?.close();
  await testDb?.drop();
});

describe('two dispatchers on one PostgreSQL', () => {
  it('deliver each of N e-mails and posts exactly once', async () => {
    const db = testDb.database.db;
    const [endpoint] = await db.insert(webhookEndpoints).values({ kind: 'slack', name: 'Program', url: receiver.url() }).returning();
    await db.insert(outboxMessages).values(
      Array.from({ length: N_EMAILS }, (_, i) => ({ kind: 'test', recipient: `person-${i}@example.com`, subject: `Mail ${i}`, bodyText: `Mail ${i}\n`, bodyHtml: `<p>Mail ${i}</p>` })),
    );
    await db.insert(outboxMessages).values(
      Array.from({ length: N_POSTS }, (_, i) => ({ kind: 'test', channel: 'slack' as const, recipient: endpoint!.id, subject: `Post ${i}`, bodyText: '', bodyHtml: '', payload: { text: `Post ${i}` } })),
    );
    // A slow receiver widens the window in which both dispatchers are busy at once.
    receiver.delayMs = 20;

    const sentBy = pools.map(() => 0);
    pools.forEach((pool, i) => {
      const smtpSender = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`, 'Vouch <vouch@vouch.test>');
      closers.push(() => smtpSender.close());
      const counting = { send: (m: Parameters<typeof smtpSender.send>[0]) => ((sentBy[i] = (sentBy[i] ?? 0) + 1), smtpSender.send(m)), close: () => smtpSender.close() };
      dispatchers.push(startOutboxDispatcher({ db: pool.db, now: () => new Date(), log }, { email: counting }, { intervalMs: 10, batchSize: 3 }));
    });

    await vi.waitFor(
      async () => {
        const rows = await db.select({ status: outboxMessages.status }).from(outboxMessages);
        expect(rows.filter((r) => r.status === 'sent')).toHaveLength(N_EMAILS + N_POSTS);
      },
      { timeout: 90_000, interval: 250 },
    );
    // Let any late duplicate surface before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const subjects = smtp.received.map((m) => m.subject);
    expect(subjects).toHaveLength(N_EMAILS);
    expect(new Set(subjects).size).toBe(N_EMAILS);
    const posts = receiver.received.map((r) => (r.body as { text: string }).text);
    expect(posts).toHaveLength(N_POSTS);
    expect(new Set(posts).size).toBe(N_POSTS);
    // Both took part: the work was shared, not done by one while the other idled.
    expect(sentBy.every((n) => n > 0)).toBe(true);
    const rows = await db.select().from(outboxMessages);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });
});
