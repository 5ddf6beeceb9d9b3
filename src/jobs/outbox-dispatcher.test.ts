import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { TestClock } from '../../test/helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.js';
import { openDatabase, type Database, type Db } from '../db/client.js';
import { outboxMessages } from '../db/schema/index.js';
import { createSmtpTransport, type EmailSender } from '../integrations/email/smtp-transport.js';
import { enqueueEmail } from '../services/outbox/enqueue-email.js';
import { freePort, TestSmtpServer } from './outbox-dispatcher-test-smtp.js';
import { claimDueMessages, retryDeadMessage, startOutboxDispatcher, type DispatcherOptions, type OutboxDispatcher } from './outbox-dispatcher.js';

const FROM = 'Vouch <vouch@vouch.test>';
const log = pino({ level: 'silent' });
let testDb: TestDatabase;
let db: Db;
let smtp: TestSmtpServer;
let sender: EmailSender;
let clock: TestClock;
const now = () => clock.now();
const cleanups: Array<() => Promise<void> | void> = [];

function dispatcher(options: DispatcherOptions = {}, on: { db?: Db; sender?: EmailSender } = {}): OutboxDispatcher {
  // A long interval: these tests drive batches with runOnce and the test clock.
  const d = startOutboxDispatcher({ db: on.db ?? db, now, log }, on.sender ?? sender, { intervalMs: 3_600_000, ...options });
  cleanups.push(() => d.stop());
  return d;
}

async function enqueue(count: number, label: string, deliverable = true, to = 'someone@example.com'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    ids.push(await enqueueEmail(db, { kind: 'test', to, subject: `${label} ${i}`, text: `Plain text of ${label} ${i}\n`, html: `<p>HTML of <strong>${label} ${i}</strong></p>` }, deliverable));
  }
  return ids;
}

async function message(id: string) {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  if (!row) throw new Error(`no outbox message ${id}`);
  return row;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  db = testDb.database.db;
  smtp = await new TestSmtpServer().listen();
  sender = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`, FROM);
});

afterAll(async () => {
  sender?.close();
  await smtp?.close();
  await testDb?.drop();
});

beforeEach(async () => {
  await db.delete(outboxMessages);
  smtp.received.length = 0;
  smtp.reject = null;
  smtp.onMessage = null;
  // Rows take available_at from the database's clock; start a little ahead so they are due.
  clock = new TestClock(new Date(Date.now() + 5_000));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('outbox dispatcher', () => {
  it('delivers a pending message once, with subject, text and HTML, and marks it sent', async () => {
    const [id] = await enqueue(1, 'Welcome', true, 'ada@example.com');
    const d = dispatcher();
    expect(await d.runOnce()).toBe(1);
    expect(await d.runOnce()).toBe(0);

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.from).toBe('vouch@vouch.test');
    expect(mail.user).toBeNull();
    expect(mail.to).toEqual(['ada@example.com']);
    expect(mail.subject).toBe('Welcome 1');
    expect(mail.messageId).toMatch(/^<.+@.+>$/);
    expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/i);
    expect(mail.raw).toMatch(/Content-Type: text\/plain[^]*Plain text of Welcome 1/i);
    expect(mail.raw).toMatch(/Content-Type: text\/html[^]*<p>HTML of <strong>Welcome 1<\/strong><\/p>/i);

    const row = await message(id!);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt?.getTime()).toBe(clock.now().getTime());
  });

  it('never sends held messages', async () => {
    const [held] = await enqueue(2, 'Held', false);
    const [pending] = await enqueue(1, 'Pending');
    const d = dispatcher();
    expect(await d.runOnce()).toBe(1);
    clock.advance(24 * 3_600_000);
    expect(await d.runOnce()).toBe(0);
    expect(smtp.received.map((m) => m.subject)).toEqual(['Pending 1']);
    expect(await message(held!)).toMatchObject({ status: 'held', attempts: 0, sentAt: null });
    expect((await message(pending!)).status).toBe('sent');
  });

  it('backs off while the server is down and delivers exactly once when it is back and the message is due', async () => {
    const port = await freePort();
    const downSender = createSmtpTransport(`smtp://vouch:s3cret-pass@127.0.0.1:${port}`, FROM);
    cleanups.push(() => downSender.close());
    const [id] = await enqueue(1, 'Retry');
    const d = dispatcher({}, { sender: downSender });
    const start = clock.now().getTime();

    expect(await d.runOnce()).toBe(0);
    const failed = await message(id!);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.lastError).not.toContain('s3cret');
    const wait = failed.availableAt.getTime() - start;
    expect(wait).toBeGreaterThanOrEqual(27_000);
    expect(wait).toBeLessThanOrEqual(33_000);

    const back = await new TestSmtpServer().listen(port);
    cleanups.push(() => back.close());
    expect(await d.runOnce()).toBe(0);
    clock.advance(26_000);
    expect(await d.runOnce()).toBe(0);
    expect(back.received).toHaveLength(0);
    expect((await message(id!)).attempts).toBe(1);

    clock.advance(8_000);
    expect(await d.runOnce()).toBe(1);
    expect(await d.runOnce()).toBe(0);
    expect(back.received.map((m) => [m.subject, m.user])).toEqual([['Retry 1', 'vouch']]);
    expect(await message(id!)).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('gives up after maxAttempts, without credentials in last_error, and delivers after an admin retry', async () => {
    smtp.reject = /^bounce@/;
    smtp.rejectMessage = `Relay smtp://admin:hunter2@relay.example.com:25/ refused ${'x'.repeat(2000)}`;
    const [id] = await enqueue(1, 'Doomed', true, 'bounce@example.com');
    const d = dispatcher({ maxAttempts: 3 });

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await d.runOnce()).toBe(0);
      expect(await message(id!)).toMatchObject({ status: attempt < 3 ? 'failed' : 'dead', attempts: attempt });
      clock.advance(2 * 3_600_000);
    }
    const dead = await message(id!);
    expect(dead.lastError).toContain('550');
    expect(dead.lastError).toContain('smtp://relay.example.com:25/');
    expect(dead.lastError).not.toContain('hunter2');
    expect(dead.lastError!.length).toBeLessThanOrEqual(1000);
    expect(await d.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);

    smtp.reject = null;
    expect(await retryDeadMessage(db, id!, clock.now())).toBe(true);
    expect(await message(id!)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(await d.runOnce()).toBe(1);
    expect(await message(id!)).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(smtp.received.map((m) => m.subject)).toEqual(['Doomed 1']);
    expect(await retryDeadMessage(db, id!, clock.now())).toBe(false);
  });

  describe('with two dispatchers on the same database', () => {
    let second: Database;
    let secondDb: Db;
    beforeAll(async () => {
      // On PostgreSQL each dispatcher gets its own pool, as two processes would.
      second = testDb.url ? await openDatabase({ kind: 'postgres', url: testDb.url, max: 5 }) : testDb.database;
      secondDb = second.db;
    });
    afterAll(async () => {
      if (second && second !== testDb.database) await second.close();
    });

    it('never claims the same row twice', async () => {
      await enqueue(30, 'Claim');
      const claims = await Promise.all(Array.from({ length: 12 }, (_, i) => claimDueMessages(i % 2 ? secondDb : db, clock.now(), { batchSize: 4, leaseMs: 60_000 })));
      const ids = claims.flat().map((m) => m.id);
      expect(ids).toHaveLength(30);
      expect(new Set(ids).size).toBe(30);
      expect(claims.flat().every((m) => m.attempts === 1)).toBe(true);
    });

    it('deliver each message exactly once', async () => {
      await enqueue(30, 'Concurrent');
      const secondSender = createSmtpTransport(`smtp://127.0.0.1:${smtp.port}`, FROM);
      cleanups.push(() => secondSender.close());
      const a = dispatcher({ batchSize: 4 });
      const b = dispatcher({ batchSize: 4 }, { db: secondDb, sender: secondSender });
      let delivered = 0;
      for (let round = 0; round < 20; round++) {
        const counts = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce(), b.runOnce(), a.runOnce()]);
        const sum = counts.reduce((x, y) => x + y, 0);
        delivered += sum;
        if (sum === 0) break;
      }
      expect(delivered).toBe(30);
      expect(smtp.received).toHaveLength(30);
      expect(new Set(smtp.received.map((m) => m.subject)).size).toBe(30);
      expect(new Set(smtp.received.map((m) => m.messageId)).size).toBe(30);
      const rows = await db.select().from(outboxMessages);
      expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    });
  });

  it('picks up a message claimed by a dispatcher that died only after the lease expires', async () => {
    const [id] = await enqueue(1, 'Orphan');
    const claimed = await claimDueMessages(db, clock.now(), { batchSize: 10, leaseMs: 60_000 });
    expect(claimed.map((m) => m.id)).toEqual([id]);

    const d = dispatcher({ leaseMs: 60_000 });
    expect(await d.runOnce()).toBe(0);
    clock.advance(59_000);
    expect(await d.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(0);
    clock.advance(2_000);
    expect(await d.runOnce()).toBe(1);
    expect(await message(id!)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.received).toHaveLength(1);
  });

  it('hands back the rest of a batch when its lease is running out', async () => {
    const ids = await enqueue(3, 'Slow');
    smtp.onMessage = () => clock.advance(50_000); // the first send "takes" 50 s of a 60 s lease
    const d = dispatcher({ leaseMs: 60_000 });
    expect(await d.runOnce()).toBe(1);
    const rows = await Promise.all(ids.map(message));
    // Rows enqueued in the same instant may be claimed in any order: count, do not index.
    const states = rows.map((r) => `${r.status}:${r.attempts}`).sort();
    expect(states).toEqual(['pending:0', 'pending:0', 'sent:1']);
    smtp.onMessage = null;
    expect(await d.runOnce()).toBe(2);
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(['Slow 1', 'Slow 2', 'Slow 3']);
  });

  it('runs on its timer, and stop() waits for the batch in flight', async () => {
    await enqueue(1, 'Timed');
    const timed = dispatcher({ intervalMs: 20 });
    await vi.waitFor(() => expect(smtp.received).toHaveLength(1), { timeout: 5_000, interval: 20 });
    await timed.stop();

    const [id] = await enqueue(1, 'In flight');
    const d = dispatcher();
    const running = d.runOnce();
    await d.stop();
    expect((await message(id!)).status).toBe('sent');
    expect(await running).toBe(1);
  });
});
