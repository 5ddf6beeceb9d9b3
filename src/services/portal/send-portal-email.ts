import type { Executor } from '../../db/client.js';
import type { NotificationKind } from '../../domain/notifications/catalog.js';
import type { RenderedEmail } from '../../integrations/email/layout.js';
import type { ServiceDeps } from '../context.js';
import { notify } from '../notifications/notify.js';

/** A portal e-mail to one advocate, through notify() (outbox, in the caller's transaction). */
export async function sendPortalEmail(deps: ServiceDeps, tx: Executor, message: { advocateId: string; email: RenderedEmail; kind: NotificationKind }): Promise<void> {
  await notify(deps, tx, {
    kind: message.kind,
    recipients: [{ kind: 'advocate', advocateId: message.advocateId }],
    render: () => ({ email: message.email, title: message.email.subject }),
    payload: { advocateId: message.advocateId },
  });
}
