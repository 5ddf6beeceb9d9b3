import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { advocates, advocateSignInLinks } from '../../db/schema/index.js';
import { emailKey, SIGN_IN_LINK_RULES } from '../../domain/portal-session.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import type { ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';

/** Where a link lands after signing in: the portal home, or the profile for a re-verification. */
export type SignInLinkPurpose = 'sign_in' | 'reverify';

/** The advocate's sign-in link. The token is the credential: it is redacted from logs (src/logger.ts). */
export function signInLinkUrl(publicUrl: string, token: string, purpose: SignInLinkPurpose = 'sign_in'): string {
  return `${publicUrl}/portal/auth?token=${token}${purpose === 'reverify' ? '&next=profile' : ''}`;
}

export const hashEmail = (email: string) => sha256(emailKey(email));

/** Stores a new single-use link (only hashes) and returns its token. */
export async function insertSignInLink(
  db: Executor,
  row: { emailHash: string; advocateId: string | null; now: Date; ttlMs: number; ip: string | null; token: string | null },
): Promise<void> {
  await db.insert(advocateSignInLinks).values({
    emailHash: row.emailHash,
    advocateId: row.advocateId,
    tokenHash: row.token ? sha256(row.token) : null,
    requestedAt: row.now,
    expiresAt: new Date(row.now.getTime() + row.ttlMs),
    ip: row.ip,
  });
}

/**
 * A sign-in link for an advocate, written in the caller's transaction, for e-mails Vouch sends
 * on its own (the re-verification request): single use like every link, with a longer life.
 * Returns the absolute URL to put in the e-mail.
 */
export async function issueSignInLink(
  deps: ServiceDeps,
  tx: Executor,
  advocateId: string,
  options: { ttlHours?: number; purpose?: SignInLinkPurpose } = {},
): Promise<string> {
  const [advocate] = await tx.select({ email: advocates.email }).from(advocates).where(eq(advocates.id, advocateId)).limit(1);
  if (!advocate) throw notFound('The advocate');
  const token = randomToken();
  const ttlMs = options.ttlHours ? options.ttlHours * 3_600_000 : SIGN_IN_LINK_RULES.ttlMs;
  await insertSignInLink(tx, { emailHash: advocate.email ? hashEmail(advocate.email) : sha256(`advocate:${advocateId}`), advocateId, now: deps.now(), ttlMs, ip: null, token });
  return signInLinkUrl(deps.config.publicUrl, token, options.purpose);
}
