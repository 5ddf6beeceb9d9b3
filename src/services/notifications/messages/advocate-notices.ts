import { eq } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import { advocates, users, type ThankYouRow } from '../../../db/schema/index.js';
import { reminderKeys, REVERIFY_LINK_HOURS } from '../../../domain/notifications/reminders.js';
import { renderReverifyEmail, renderThankYouNoteEmail } from '../../../integrations/email/advocate-care-emails.js';
import type { ServiceDeps } from '../../context.js';
import { getOrganization } from '../../organization/get-organization.js';
import { issueSignInLink } from '../../portal/issue-sign-in-link.js';
import { notify, type NotifyResult } from '../notify.js';

const NOTHING: NotifyResult = { emails: 0, inApp: 0, webhooks: 0 };

async function advocateFacts(tx: Executor, advocateId: string) {
  const [advocate] = await tx.select({ firstName: advocates.firstName, email: advocates.email, lastVerifiedAt: advocates.lastVerifiedAt }).from(advocates).where(eq(advocates.id, advocateId)).limit(1);
  const org = await getOrganization(tx);
  return { advocate, orgName: org.name, color: org.primaryColor };
}

/** The advocate hears of a thank-you logged for them (their note, the points). */
export async function notifyThankYou(deps: ServiceDeps, tx: Executor, thankYou: ThankYouRow): Promise<NotifyResult> {
  const { advocate, orgName, color } = await advocateFacts(tx, thankYou.advocateId);
  if (!advocate) return NOTHING;
  const [giver] = thankYou.givenByUserId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, thankYou.givenByUserId)).limit(1) : [];
  return notify(deps, tx, {
    kind: 'advocate.thank_you',
    recipients: [{ kind: 'advocate', advocateId: thankYou.advocateId }],
    render: () => ({
      email: renderThankYouNoteEmail({
        orgName,
        color,
        advocateFirstName: advocate.firstName,
        fromName: giver?.name ?? `The team at ${orgName}`,
        note: thankYou.note,
        kind: thankYou.kind,
        points: thankYou.points,
      }),
      title: 'Thank you',
    }),
    dedupeKey: `thank-you:${thankYou.id}`,
    payload: { thankYouId: thankYou.id, activityId: thankYou.activityId, advocateId: thankYou.advocateId },
  });
}

/**
 * A stale profile: one re-verification request per stale period, with a single-use sign-in
 * link that lands on the advocate's profile. The link is issued only when the message is
 * wanted and new (the sweep checks the dedupe key first).
 */
export async function notifyReverify(deps: ServiceDeps, tx: Executor, advocateId: string, staleFrom: Date): Promise<NotifyResult> {
  const { advocate, orgName, color } = await advocateFacts(tx, advocateId);
  if (!advocate?.email || !advocate.lastVerifiedAt) return NOTHING;
  const lastVerifiedOn = advocate.lastVerifiedAt.toISOString().slice(0, 10);
  const url = await issueSignInLink(deps, tx, advocateId, { ttlHours: REVERIFY_LINK_HOURS, purpose: 'reverify' });
  const expiresAt = new Date(deps.now().getTime() + REVERIFY_LINK_HOURS * 3_600_000);
  return notify(deps, tx, {
    kind: 'advocate.reverify',
    recipients: [{ kind: 'advocate', advocateId }],
    render: () => ({ email: renderReverifyEmail({ orgName, color, advocateFirstName: advocate.firstName, lastVerifiedOn, url, expiresAt }), title: 'Is your profile still right?' }),
    dedupeKey: reminderKeys.reverify(advocateId, staleFrom),
    payload: { advocateId, staleFrom: staleFrom.toISOString() },
  });
}
