import { and, desc, asc, eq, gte, lt, or, sql } from 'drizzle-orm';
import { sessions, signInFailures, users, type UserRow } from '../../db/schema/index.js';
import { decideSignInThrottle, THROTTLE } from '../../domain/sign-in-throttle.js';
import { sessionExpiresAt } from '../../domain/session-expiry.js';
import { recordAudit } from '../audit/record-audit.js';
import type { ServiceDeps } from '../context.js';
import { AppError, tooManyRequests } from '../errors.js';
import { decoyPasswordHash, randomToken, sha256, verifyPassword } from './secrets.js';

export interface SignInInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export interface SignInResult {
  token: string;
  csrfToken: string;
  user: UserRow;
}

const INCORRECT = new AppError(401, 'Sign-in failed', 'Incorrect e-mail or password.');

/** Verifies credentials under brute-force throttling and opens a session. */
export async function signIn(deps: ServiceDeps, input: SignInInput): Promise<SignInResult> {
  const { db } = deps;
  const now = deps.now();
  const emailKey = input.email.trim().toLowerCase();
  await assertNotThrottled(deps, emailKey, input.ip, now);

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, emailKey)).limit(1);
  const hashToCheck = user?.passwordHash ?? (await decoyPasswordHash());
  const passwordOk = await verifyPassword(hashToCheck, input.password);

  if (!user || !user.passwordHash || !passwordOk || user.status !== 'active') {
    const reason = !user ? 'unknown_email' : !passwordOk || !user.passwordHash ? 'wrong_password' : 'deactivated';
    await db.transaction(async (tx) => {
      await tx.insert(signInFailures).values({ emailKey, ip: input.ip, at: now });
      await recordAudit(tx, {
        action: 'auth.sign_in_failed',
        actor: null,
        actorLabel: emailKey.slice(0, 254),
        ip: input.ip,
        target: user ? { type: 'user', id: user.id, label: user.email } : undefined,
        details: { reason },
      });
    });
    throw INCORRECT;
  }

  const token = randomToken();
  const csrfToken = randomToken();
  const limits = deps.config.session;
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({
      tokenHash: sha256(token),
      csrfToken,
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: sessionExpiresAt({ createdAt: now }, limits, now),
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
    });
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await tx.delete(signInFailures).where(
      or(eq(signInFailures.emailKey, emailKey), lt(signInFailures.at, new Date(now.getTime() - THROTTLE.windowMs))),
    );
    await recordAudit(tx, {
      action: 'auth.sign_in',
      actor: { userId: user.id, email: user.email, ip: input.ip },
      target: { type: 'user', id: user.id, label: user.email },
    });
  });
  return { token, csrfToken, user: { ...user, lastSignInAt: now } };
}

async function assertNotThrottled(deps: ServiceDeps, emailKey: string, ip: string, now: Date): Promise<void> {
  const since = new Date(now.getTime() - THROTTLE.windowMs);
  const [accountFailures, addressFailures] = await Promise.all([
    deps.db
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(eq(signInFailures.emailKey, emailKey), gte(signInFailures.at, since)))
      .orderBy(desc(signInFailures.at))
      .limit(50),
    deps.db
      .select({ at: signInFailures.at })
      .from(signInFailures)
      .where(and(eq(signInFailures.ip, ip), gte(signInFailures.at, since)))
      .orderBy(asc(signInFailures.at))
      .limit(500),
  ]);
  const decision = decideSignInThrottle({
    now,
    accountFailures: accountFailures.map((r) => r.at),
    addressFailures: addressFailures.map((r) => r.at),
  });
  if (!decision.allowed) {
    await recordAudit(deps.db, {
      action: 'auth.sign_in_throttled',
      actor: null,
      actorLabel: emailKey.slice(0, 254),
      ip,
      details: { retryAfterSeconds: decision.retryAfterSeconds },
    });
    throw tooManyRequests(decision.retryAfterSeconds, 'Too many failed sign-in attempts. Wait before trying again.');
  }
}
