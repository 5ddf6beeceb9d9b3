import type { Executor } from '../../db/client.js';
import { outboxMessages } from '../../db/schema/index.js';
import type { RenderedEmail } from '../../integrations/email/layout.js';

export interface EmailToSend extends RenderedEmail {
  kind: string;
  to: string;
  payload?: Record<string, unknown>;
}

/**
 * Writes an e-mail to the outbox in the caller's transaction. With no SMTP server configured
 * it is kept as `held`, for admins to read and pass on.
 */
export async function enqueueEmail(db: Executor, email: EmailToSend, deliverable: boolean): Promise<string> {
  const [row] = await db
    .insert(outboxMessages)
    .values({
      kind: email.kind,
      channel: 'email',
      recipient: email.to,
      subject: email.subject,
      bodyText: email.text,
      bodyHtml: email.html,
      payload: email.payload ?? {},
      status: deliverable ? 'pending' : 'held',
    })
    .returning({ id: outboxMessages.id });
  if (!row) throw new Error('outbox insert returned nothing');
  return row.id;
}
