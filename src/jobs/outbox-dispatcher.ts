import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { outboxMessages, type OutboxAttachment } from '../db/schema/index.js';
import { DELIVERY_BACKOFF, isExhausted, nextAttemptDelayMs } from '../domain/delivery-backoff.js';
import type { EmailSender } from '../integrations/email/smtp-transport.js';
import type { ServiceDeps } from '../services/context.js';
import { claimableChannels, PermanentDeliveryError, sendOnChannel, type ClaimedMessage, type DeliveryChannels, type OutboxChannel } from './outbox-dispatcher-channels.js';

export type { ClaimedMessage, DeliveryChannels, OutboxChannel } from './outbox-dispatcher-channels.js';

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
 * Leases up to `batchSize` due messages of these channels (all by default) in one statement: counts the attempt and pushes
 * `available_at` past the lease. SKIP LOCKED keeps concurrent dispatchers off each other's rows.
 */
export async function claimDueMessages(
  db: Executor,
  now: Date,
  options: { batchSize: number; leaseMs: number; channels?: readonly OutboxChannel[] },
): Promise<ClaimedMessage[]> {
  const leaseUntil = new Date(now.getTime() + options.leaseMs).toISOString();
  const channels = options.channels ?? ['email', 'slack', 'teams'];
  if (channels.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    kind: string;
    channel: OutboxChannel;
    recipient: string;
    subject: string;
    body_text: string;
    body_html: string;
    payload: Record<string, unknown> | string | null;
    attachments: OutboxAttachment[] | string | null;
    attempts: number;
    created_at: string | Date;
  }>(
    db,
    sql`UPDATE outbox_messages SET attempts = attempts + 1, available_at = ${leaseUntil}::timestamptz
        WHERE id IN (
          SELECT id FROM outbox_messages
          WHERE channel IN (${sql.join(channels.map((c) => sql`${c}`), sql`, `)}) AND status IN ('pending', 'failed') AND available_at <= ${now.toISOString()}::timestamptz
          ORDER BY available_at, created_at
          LIMIT ${Math.max(1, Math.floor(options.batchSize))}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, kind, channel, recipient, subject, body_text, body_html, payload, attachments, attempts, created_at`,
  );
  // RETURNING has no order of its own: oldest first.
  rows.sort((a, b) => new Date(a.created_at).getTime() - new Date(b.created_at).getTime());
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    channel: r.channel,
    recipient: r.recipient,
    subject: r.subject,
    bodyText: r.body_text,
    bodyHtml: r.body_html,
    payload: parseJson(r.payload, {}),
    attachments: parseJson(r.attachments, []),
    attempts: Number(r.attempts),
  }));
}

/** jsonb arrives parsed from both drivers; be lenient should it ever come as text. */
function parseJson<T>(value: T | string | null, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** An e-mail sender alone (the historical shape), or every channel's sender. */
export type DispatcherSenders = EmailSender | DeliveryChannels | null;

function toChannels(senders: DispatcherSenders): DeliveryChannels {
  if (senders === null) return { email: null };
  return 'send' in senders ? { email: senders } : senders;
}

/**
 * Sends each claimed message and records the outcome. Updates only rows still holding this
 * claim, so a late answer never overwrites what another dispatcher did after the lease ran out.
 */
export async function deliverClaimed(
  deps: DispatchDeps,
  senders: DispatcherSenders,
  rows: ClaimedMessage[],
  options: { maxAttempts?: number; leaseMs?: number; claimedAt?: Date } = {},
): Promise<BatchResult> {
  const maxAttempts = options.maxAttempts ?? DELIVERY_BACKOFF.maxAttempts;
  const channels = toChannels(senders);
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
    const outcome = await sendOnChannel(deps.db, channels, row).then(
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
    const dead = outcome.error instanceof PermanentDeliveryError || isExhausted(row.attempts, maxAttempts);
    const now = deps.now();
    await deps.db
      .update(outboxMessages)
      .set({ status: dead ? 'dead' : 'failed', lastError: describeDeliveryError(outcome.error), availableAt: dead ? now : new Date(now.getTime() + nextAttemptDelayMs(row.attempts)) })
      .where(stillClaimed);
    if (dead) result.dead++;
    else result.failed++;
    // Codes only: an error's message could carry a webhook URL, the endpoint's secret.
    const { code, responseCode, status } = (outcome.error ?? {}) as { code?: unknown; responseCode?: unknown; status?: unknown };
    deps.log.warn({ outboxMessageId: row.id, kind: row.kind, channel: row.channel, attempts: row.attempts, dead, code, responseCode, status }, `${row.channel === 'email' ? 'e-mail' : row.channel} delivery failed`);
  }
  return result;
}

/** Text for `last_error`: no credentials from any URL in it, at most 1000 characters. */
export function describeDeliveryError(error: unknown): string {
  const raw = error instanceof Error ? error.message || error.name : String(error);
  const clean = raw.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]*@/gi, '$1');
  return clean.length > MAX_ERROR_LENGTH ? `${clean.slice(0, MAX_ERROR_LENGTH - 1)}…` : clean;
}

/**
 * A dead or failed message starts over as pending. Returns whether one changed. (The admin's
 * retry, audited and also for held e-mails, is src/services/outbox/retry-outbox-message.ts.)
 */
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
export function startOutboxDispatcher(deps: DispatchDeps, senders: DispatcherSenders, options: DispatcherOptions = {}): OutboxDispatcher {
  const intervalMs = options.intervalMs ?? 5000;
  const batchSize = options.batchSize ?? 20;
  const leaseMs = options.leaseMs ?? 120_000;
  const maxAttempts = options.maxAttempts ?? DELIVERY_BACKOFF.maxAttempts;
  const channels = claimableChannels(toChannels(senders));
  let tail: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const batch = async (): Promise<{ claimed: number; delivered: number }> => {
    const claimedAt = deps.now();
    const rows = await claimDueMessages(deps.db, claimedAt, { batchSize, leaseMs, channels });
    if (rows.length === 0) return { claimed: 0, delivered: 0 };
    const result = await deliverClaimed(deps, senders, rows, { maxAttempts, leaseMs, claimedAt });
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
