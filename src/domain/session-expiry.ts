/** Session lifetime rules: an idle timeout and an absolute lifetime, whichever comes first. */
export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  revokedAt: Date | null;
}

export interface SessionLimits {
  idleMs: number;
  absoluteMs: number;
}

export type SessionState = 'valid' | 'revoked' | 'idle_expired' | 'expired';

export function sessionState(session: SessionTimes, limits: SessionLimits, now: Date): SessionState {
  if (session.revokedAt) return 'revoked';
  if (now.getTime() - session.createdAt.getTime() >= limits.absoluteMs) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return 'idle_expired';
  return 'valid';
}

/** Hard expiry stored on the row: the earlier of idle and absolute limits from now. */
export function sessionExpiresAt(session: Pick<SessionTimes, 'createdAt'>, limits: SessionLimits, now: Date): Date {
  return new Date(Math.min(session.createdAt.getTime() + limits.absoluteMs, now.getTime() + limits.idleMs));
}

/** Refresh last-seen at most once a minute, so reads do not each write. */
export const TOUCH_INTERVAL_MS = 60_000;

export function shouldTouch(lastSeenAt: Date, now: Date): boolean {
  return now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
}
