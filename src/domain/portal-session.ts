import type { SessionLimits } from './session-expiry.js';

/**
 * The advocate portal's rules (pure): sessions last days, not months; sign-in links are short
 * lived, single use and rate-limited per address (known or not) and per network address.
 */
export const PORTAL_SESSION_LIMITS: SessionLimits = {
  idleMs: 2 * 24 * 3_600_000,
  absoluteMs: 7 * 24 * 3_600_000,
};

export const SIGN_IN_LINK_RULES = {
  /** How long an e-mailed sign-in link works. */
  ttlMs: 20 * 60_000,
  /** The window the limits count in. */
  windowMs: 3_600_000,
  /** Links asked for one address per window; over it nothing more is sent (the answer stays the same). */
  perAddress: 5,
  /** Links asked for from one network address per window; over it the request is refused (429). */
  perIp: 30,
} as const;

export type SignInLinkDecision = 'send' | 'address_limited' | 'ip_limited';

/** What to do with a request for a link, given how many were asked in the window. */
export function decideSignInLink(recent: { forAddress: number; fromIp: number }): SignInLinkDecision {
  if (recent.fromIp >= SIGN_IN_LINK_RULES.perIp) return 'ip_limited';
  if (recent.forAddress >= SIGN_IN_LINK_RULES.perAddress) return 'address_limited';
  return 'send';
}

/** A normalised e-mail address, the form its hash is taken of. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
