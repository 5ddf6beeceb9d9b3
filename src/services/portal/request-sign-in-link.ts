import { and, count, eq, gte, ne, sql } from 'drizzle-orm';
import { advocates, advocateSignInLinks } from '../../db/schema/index.js';
import { decideSignInLink, emailKey, SIGN_IN_LINK_RULES } from '../../domain/portal-session.js';
import { renderPortalSignInEmail } from '../../integrations/email/portal-sign-in-email.js';
import { randomToken } from '../auth/secrets.js';
import type { ServiceDeps } from '../context.js';
import { tooManyRequests } from '../errors.js';
import { getOrganization } from '../organization/get-organization.js';
import { sendPortalEmail } from './send-portal-email.js';
import { hashEmail, insertSignInLink, signInLinkUrl } from './issue-sign-in-link.js';

/**
 * An advocate asks for a sign-in link. The caller always gives the same answer, whether the
 * address is known or not: both paths hash the same things and write one row, and only a
 * known advocate who may sign in (an e-mail, not left the company) gets an e-mail. Over the
 * limit per address nothing is sent (still the same answer); over the limit per network
 * address the request is refused, which says nothing about the address.
 */
export async function requestSignInLink(deps: ServiceDeps, input: { email: string; ip: string }): Promise<void> {
  const now = deps.now();
  const key = emailKey(input.email);
  const emailHash = hashEmail(key);
  const token = randomToken();
  const since = new Date(now.getTime() - SIGN_IN_LINK_RULES.windowMs);

  await deps.db.transaction(async (tx) => {
    const [[forAddress], [fromIp]] = await Promise.all([
      tx.select({ n: count() }).from(advocateSignInLinks).where(and(eq(advocateSignInLinks.emailHash, emailHash), gte(advocateSignInLinks.requestedAt, since))),
      tx.select({ n: count() }).from(advocateSignInLinks).where(and(eq(advocateSignInLinks.ip, input.ip), gte(advocateSignInLinks.requestedAt, since))),
    ]);
    const decision = decideSignInLink({ forAddress: forAddress?.n ?? 0, fromIp: fromIp?.n ?? 0 });
    if (decision === 'ip_limited') {
      deps.log.info({ event: 'portal.sign_in_link_limited', limit: 'ip' }, 'portal sign-in link refused: too many from one network address');
      throw tooManyRequests(Math.ceil(SIGN_IN_LINK_RULES.windowMs / 1000), 'Too many sign-in links were asked for from here. Try again later.');
    }
    const [advocate] = await tx
      .select({ id: advocates.id, firstName: advocates.firstName, email: advocates.email })
      .from(advocates)
      .where(and(eq(sql`lower(${advocates.email})`, key), ne(advocates.status, 'left_company')))
      .limit(1);
    const org = await getOrganization(tx);
    const url = signInLinkUrl(deps.config.publicUrl, token);
    const email = renderPortalSignInEmail({ orgName: org.name, color: org.primaryColor, advocateFirstName: advocate?.firstName ?? 'there', url, validMinutes: SIGN_IN_LINK_RULES.ttlMs / 60_000 });
    const recipient = decision === 'send' && advocate?.email ? { id: advocate.id, email: advocate.email } : null;
    await insertSignInLink(tx, { emailHash, advocateId: recipient?.id ?? null, now, ttlMs: SIGN_IN_LINK_RULES.ttlMs, ip: input.ip, token: recipient ? token : null });
    if (decision === 'address_limited') {
      deps.log.info({ event: 'portal.sign_in_link_limited', limit: 'address' }, 'portal sign-in link not sent: too many asked for one address');
      return;
    }
    if (recipient) await sendPortalEmail(deps, tx, { advocateId: recipient.id, email, kind: 'advocate.sign_in_link' });
  });
}
