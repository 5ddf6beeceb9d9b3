import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { advocateAskTokens } from '../../db/schema/index.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { AppError, gone, notFound } from '../errors.js';

export type AskTokenRow = typeof advocateAskTokens.$inferSelect;

/** The advocate's link to the ask page. The token travels in the fragment, so page loads never log it. */
export function askUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/ask#token=${token}`;
}

/**
 * A new signed link for a candidate's advocate: 32 random bytes (base64url). Only its SHA-256
 * is stored; the token itself goes into the e-mail and nowhere else.
 */
export async function issueAskToken(db: Executor, candidateId: string, expiresAt: Date, now: Date): Promise<string> {
  const token = randomToken();
  await db.insert(advocateAskTokens).values({ candidateId, tokenHash: sha256(token), expiresAt, createdAt: now });
  return token;
}

export const invalidAskLink = () => notFound('This link');
export const expiredAskLink = () => gone('This link has expired. Ask your contact at the company for a new one if you still want to help.');
export const answeredAskLink = () => new AppError(409, 'Already answered', 'This ask has already been answered; the link accepts no other answer.');

/**
 * The token row behind a link, locked when `forUpdate` (answering). An unknown token is a 404,
 * an expired one a 410; an answered one is returned (the page shows the answer).
 */
export async function resolveAskToken(db: Executor, token: string, now: Date, options: { forUpdate?: boolean } = {}): Promise<AskTokenRow> {
  const query = db.select().from(advocateAskTokens).where(eq(advocateAskTokens.tokenHash, sha256(token))).limit(1);
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw invalidAskLink();
  if (row.answeredAt === null && row.expiresAt.getTime() <= now.getTime()) throw expiredAskLink();
  return row;
}
