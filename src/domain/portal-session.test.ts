import { describe, expect, it } from 'vitest';
import { decideSignInLink, emailKey, PORTAL_SESSION_LIMITS, SIGN_IN_LINK_RULES } from './portal-session.js';

describe('portal rules', () => {
  it('keeps sessions for days, not months', () => {
    expect(PORTAL_SESSION_LIMITS.absoluteMs).toBe(7 * 86_400_000);
    expect(PORTAL_SESSION_LIMITS.idleMs).toBe(2 * 86_400_000);
  });

  it('sends until the address or the network address reached its limit', () => {
    expect(decideSignInLink({ forAddress: 0, fromIp: 0 })).toBe('send');
    expect(decideSignInLink({ forAddress: SIGN_IN_LINK_RULES.perAddress - 1, fromIp: 0 })).toBe('send');
    expect(decideSignInLink({ forAddress: SIGN_IN_LINK_RULES.perAddress, fromIp: 0 })).toBe('address_limited');
    expect(decideSignInLink({ forAddress: 0, fromIp: SIGN_IN_LINK_RULES.perIp })).toBe('ip_limited');
  });

  it('compares addresses without case or spaces', () => {
    expect(emailKey('  Ada@Example.COM ')).toBe('ada@example.com');
  });
});
