import { eq } from 'drizzle-orm';
import { outboxMessages, type OutboxMessageRow } from '../../db/schema/index.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { conflict, notFound } from '../errors.js';

/**
 * An admin sends a message again: a dead or failed one starts over (attempts from zero, due
 * now); a held e-mail goes out once an e-mail server is configured. Audited.
 */
export async function retryOutboxMessage(deps: ServiceDeps, actor: Actor, id: string): Promise<OutboxMessageRow> {
  return deps.db.transaction(async (tx) => {
    const [message] = await tx.select().from(outboxMessages).where(eq(outboxMessages.id, id)).for('update');
    if (!message) throw notFound('The message');
    if (message.status === 'held') {
      if (message.channel === 'email' && !deps.config.mail.smtpUrl) throw conflict('No e-mail server is configured (SMTP_URL), so held e-mails cannot be sent yet.');
    } else if (message.status !== 'dead' && message.status !== 'failed') {
      throw conflict(message.status === 'sent' ? 'This message was already delivered.' : 'This message is already waiting to be delivered.');
    }
    const [row] = await tx.update(outboxMessages).set({ status: 'pending', attempts: 0, availableAt: deps.now() }).where(eq(outboxMessages.id, id)).returning();
    if (!row) throw notFound('The message');
    await recordAudit(tx, {
      action: 'outbox.message_retried',
      actor,
      target: { type: 'outbox_message', id, label: message.subject },
      details: { channel: message.channel, kind: message.kind, from: message.status, attempts: message.attempts, lastError: message.lastError },
    });
    return row;
  });
}
