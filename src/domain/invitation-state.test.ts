import { describe, expect, it } from 'vitest';
import { invitationStatus } from './invitation-state.js';

const now = new Date('2026-05-05T10:00:00Z');
const later = new Date('2026-05-06T10:00:00Z');
const earlier = new Date('2026-05-04T10:00:00Z');

describe('invitationStatus', () => {
  it('is pending until it expires', () => {
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('pending');
    expect(invitationStatus({ acceptedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
  });
  it('accepted beats revoked beats expired', () => {
    expect(invitationStatus({ acceptedAt: earlier, revokedAt: earlier, expiresAt: earlier }, now)).toBe('accepted');
    expect(invitationStatus({ acceptedAt: null, revokedAt: earlier, expiresAt: earlier }, now)).toBe('revoked');
  });
});
