import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { outboxMessages } from '../db/schema/index.js';
import { DELIVERY_BACKOFF, isExhausted, nextAttemptDelayMs } from '../domain/delivery-backoff.js';
import type { EmailSender } from '../integrations/email/smtp-transport.js';
import type { ServiceDeps } from '../services/context.js';

/** A message this process has leased for one delivery attempt. */
export interface ClaimedMessage {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  /** Attempts including this one. */
  attempts: number;
}

export interface DispatcherOptions {
  intervalMs?: number;
  batchSize?: number;
  /** How long a claim holds: a process that dies mid-batch leaves its messages for this long. */
  leaseMs?: number;
  maxAttempts?: number;
}

export interface OutboxDispatcher {
  /** Claims and delivers one batch; resolves with how many were delivered. */
  runOnce(): Promise<number>;
  /** Stops the timer and waits for the batch in flight. */
  stop(): Promise<void>;
}

export interface BatchResult {
  delivered: number;
  failed: number;
  dead: number;
  released: number;
}

type DispatchDeps = Pick<ServiceDeps, 'db' | 'now' | 'log'>;
const MAX_ERROR_LENGTH = 1000;

/**
 * Leases up to `batchSize` due e-mails in one statement: counts the attempt and pushes
 * `available_at` past the lease. SKIP LOCKED keeps concurrent dispatchers off each other's rows.
 */
export async function claimDueMessages(db: Executor, now: Date, options: { batchSize: number; leaseMs: number }): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  const rows = await queryRows<{ id: string; kind: string; recipient: string; subject: string; body_text: string; body_html: string; attempts: number; created_at: string | Date }>(
    db,
    sql`UPDATE outbox_messages SET attempts = attempts + 1, available_at = ${leaseUntil}::timestamptz
        WHERE id IN (
          SELECT id FROM outbox_messages
          WHERE channel = 'email' AND status IN ('pending', 'failed') AND available_at <= ${now.toISOString()}::timestamptz
          ORDER BY available_at, created_at
          LIMIT ${Math.max(1, Math.floor(options.batchSize))}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, recipient, subject, body_text, body_html, attempts, created_at`,
  );
  // RETURNING has no order of its own: oldest first.
  rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  return rows.map((r) => ({ id: r.id, kind: r.kind, recipient: r.recipient, subject: r.subject, bodyText: r.body_text, bodyHtml: r.body_html, attempts: Number(r.attempts) }));
}

/**
 * Sends each claimed message and records the outcome. Updates only rows still holding this
 * claim, so a late answer never overwrites what another dispatcher did after the lease ran out.
 */
export async function deliverClaimed(
  deps: DispatchDeps,
  sender: EmailSender,
  rows: ClaimedMessage[],
  options: { maxAttempts?: number; leaseMs?: number; claimedAt?: Date } = {},
): Promise<BatchResult> {
  const maxAttempts = options.maxAttempts ?? DELIVERY_BACKOFF.maxAttempts;
  const result: BatchResult = { delivered: 0, failed: 0, dead: 0, released: 0 };
  // Stop sending while a quarter of the lease is left, so nobody else claims a message mid-send.
  const stopAt = options.leaseMs && options.claimedAt ? options.claimedAt.getTime() + options.leaseMs * 0.75 : Infinity;
  for (const row of rows) {
    const stillClaimed = and(eq(outboxMessages.id, row.id), eq(outboxMessages.attempts, row.attempts), inArray(outboxMessages.status, ['pending', 'failed']));
    if (deps.now().getTime() >= stopAt) {
      // Hand the rest back untouched: the attempt was never made.
      await deps.db.update(outboxMessages).set({ attempts: sql`${outboxMessages.attempts} - 1`, availableAt: deps.now() }).where(stillClaimed);
      result.released++;
      continue;
    }
    const outcome = await sender.send({ to: row.recipient, subject: row.subject, text: row.bodyText, html: row.bodyHtml }).then(
      () => ({ ok: true as const }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    // Outside the send's error handling: a failed write after a successful send must not look like a failed send.
    if (outcome.ok) {
      await deps.db
        .update(outboxMessages)
        .set({ status: 'sent', sentAt: deps.now(), lastError: null })
        .where(and(eq(outboxMessages.id, row.id), inArray(outboxMessages.status, ['pending', 'failed'])));
      result.delivered++;
      continue;
    }
    const dead = isExhausted(row.attempts, maxAttempts);
    const now = deps.now();
    await deps.db
      .update(outboxMessages)
      .set({ status: dead ? 'dead' : 'failed', lastError: describeDeliveryError(outcome.error), availableAt: dead ? now : new Date(now.getTime() + nextAttemptDelayMs(row.attempts)) })
      .where(stillClaimed);
    if (dead) result.dead++;
    else result.failed++;
    const { code, responseCode } = (outcome.error ?? {}) as { code?: unknown; responseCode?: unknown };
    deps.log.warn({ outboxMessageId: row.id, kind: row.kind, attempts: row.attempts, dead, code, responseCode }, 'e-mail delivery failed');
  }
  return result;
}

/** Text for `last_error`: no credentials from any URL in it, at most 1000 characters. */
export function describeDeliveryError(error: unknown): string {
  const raw = error instanceof Error ? error.message || error.name : String(error);
  const clean = raw.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1');
  return clean.length > MAX_ERROR_LENGTH ? `${clean.slice(0, MAX_ERROR_LENGTH - 1)}…` : clean;
}

/** The admin's "retry": a dead or failed message starts over as pending. Returns whether one changed. */
export async function retryDeadMessage(db: Executor, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(outboxMessages)
    .set({ status: 'pending', attempts: 0, availableAt: now })
    .where(and(eq(outboxMessages.id, id), inArray(outboxMessages.status, ['dead', 'failed'])))
    .returning({ id: outboxMessages.id });
  return rows.length > 0;
}

/**
 * Delivers the outbox on a timer. Batches never overlap within one dispatcher; a full batch
 * is followed straight away by the next. The timer does not keep the process alive.
 */
export function startOutboxDispatcher(deps: DispatchDeps, sender: EmailSender, options: DispatcherOptions = {}): OutboxDispatcher {
  const intervalMs = options.intervalMs ?? 5000;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? DELIVERY_BACKOFF.maxAttempts;
  let tail: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const batch = async (): Promise<{ claimed: number; delivered: number }> => {
    const claimedAt = deps.now();
    const rows = await claimDueMessages(deps.db, claimedAt, { batchSize, leaseMs });
    if (rows.length === 0) return { claimed: 0, delivered: 0 };
    const result = await deliverClaimed(deps, sender, rows, { maxAttempts, leaseMs, claimedAt });
    deps.log.info({ claimed: rows.length, ...result }, 'outbox batch done');
    return { claimed: rows.length, delivered: result.delivered };
  };

  // Every batch, timer-driven or not, runs after the previous one has finished.
  const enqueue = () => {
    const run = tail.then(batch);
    tail = run.catch(() => undefined);
    return run;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      enqueue().then(
        ({ claimed }) => schedule(claimed >= batchSize ? 0 : intervalMs),
        (error: unknown) => {
          deps.log.error({ err: { message: describeDeliveryError(error) } }, 'outbox batch failed');
          schedule(intervalMs);
        },
      );
    }, delayMs);
    timer.unref();
  };
  schedule(intervalMs);

  return {
    runOnce: async () => (await enqueue()).delivered,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await tail;
    },
  };
}
