import { describe, expect, it } from 'vitest';
import { sessionExpiresAt, sessionState, shouldTouch } from './session-expiry.js';

const limits = { idleMs: 60 * 60_000, absoluteMs: 8 * 60 * 60_000 };
const t0 = new Date('2026-03-01T08:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('session expiry', () => {
  it('is valid while used within the idle limit', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(100), revokedAt: null }, limits, at(150))).toBe('valid');
  });
  it('expires when idle too long', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(100), revokedAt: null }, limits, at(160))).toBe('idle_expired');
  });
  it('expires at the absolute limit even when active', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: at(479), revokedAt: null }, limits, at(480))).toBe('expired');
  });
  it('revocation wins', () => {
    expect(sessionState({ createdAt: t0, lastSeenAt: t0, revokedAt: at(1) }, limits, at(2))).toBe('revoked');
  });
  it('stores the earlier of the two expiries', () => {
    expect(sessionExpiresAt({ createdAt: t0 }, limits, at(10))).toEqual(at(70));
    expect(sessionExpiresAt({ createdAt: t0 }, limits, at(450))).toEqual(at(480));
  });
  it('touches at most once a minute', () => {
    expect(shouldTouch(t0, new Date(t0.getTime() + 59_000))).toBe(false);
    expect(shouldTouch(t0, at(1))).toBe(true);
  });
});
