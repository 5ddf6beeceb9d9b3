import { subMonths } from 'date-fns';
import { and, asc, eq, isNotNull, isNull, lte } from 'drizzle-orm';
import { advocates, outboxMessages } from '../../db/schema/index.js';
import { staleFrom } from '../../domain/advocate-freshness.js';
import { isWanted } from '../../domain/notifications/catalog.js';
import { reminderKeys } from '../../domain/notifications/reminders.js';
import type { ServiceDeps } from '../../services/context.js';
import { notifyReverify } from '../../services/notifications/messages/advocate-notices.js';
import { runLockedSweep, type SweepOutcome } from './sweep-lock.js';

/** At most this many re-verification e-mails per run (a first start on an old program spreads them out). */
export const REVERIFY_BATCH = 100;

/**
 * (g) Active advocates whose profile went stale (src/domain/advocate-freshness.ts): one
 * re-verification e-mail per stale period, with a single-use sign-in link to their profile.
 * The period is the day the profile went stale, so confirming it starts a new one.
 */
export function sweepStaleProfiles(deps: ServiceDeps): Promise<SweepOutcome> {
  return runLockedSweep(deps, 'stale_profiles', async ({ tx, now, each }) => {
    const months = deps.config.staleAfterMonths;
    const candidates = await tx
      .select({ id: advocates.id, lastVerifiedAt: advocates.lastVerifiedAt, optOuts: advocates.notificationOptOuts })
      .from(advocates)
      .where(and(eq(advocates.status, 'active'), isNull(advocates.withdrawnAt), isNotNull(advocates.email), lte(advocates.lastVerifiedAt, subMonths(now, months))))
      .orderBy(asc(advocates.lastVerifiedAt), asc(advocates.id));
    const due = [];
    for (const c of candidates) {
      if (due.length >= REVERIFY_BATCH) break;
      if (!c.lastVerifiedAt || !isWanted('advocate.reverify', c.optOuts)) continue;
      const from = staleFrom(c.lastVerifiedAt, months);
      if (from.getTime() > now.getTime()) continue;
      const key = `${reminderKeys.reverify(c.id, from)}:${c.id}`;
      const [sent] = await tx.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.dedupeKey, key)).limit(1);
      if (!sent) due.push({ id: c.id, from });
    }
    await each(due, async (sp, { id, from }) => (await notifyReverify(deps, sp, id, from)).emails > 0);
  });
}
