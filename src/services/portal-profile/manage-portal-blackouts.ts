import { and, asc, eq } from 'drizzle-orm';
import { advocateBlackouts, type AdvocateBlackoutRow } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { conflict, invalidInput, notFound, type FieldError } from '../errors.js';
import { loadOwnAdvocate } from './get-portal-profile.js';
import { localDateOf, recordAdvocateAudit } from './portal-audit.js';

/** How far ahead, and how long, one period may be. */
const MAX_DAYS_AHEAD = 730;
const MAX_LENGTH_DAYS = 366;
const MAX_UPCOMING = 50;

export interface BlackoutInput {
  startsOn: string;
  endsOn: string;
  reason: string | null;
}

export interface PortalBlackouts {
  today: string;
  items: AdvocateBlackoutRow[];
}

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** A period is past once its last day is before the advocate's today: it is then read-only. */
export function isPastBlackout(blackout: Pick<AdvocateBlackoutRow, 'endsOn'>, today: string): boolean {
  return blackout.endsOn < today;
}

/** The advocate's blackout periods, earliest first, with their today (in their time zone). */
export async function listPortalBlackouts(deps: ServiceDeps, advocateId: string): Promise<PortalBlackouts> {
  const advocate = await loadOwnAdvocate(deps.db, advocateId);
  const items = await deps.db.select().from(advocateBlackouts).where(eq(advocateBlackouts.advocateId, advocateId)).orderBy(asc(advocateBlackouts.startsOn));
  return { today: localDateOf(deps.now(), advocate.timeZone), items };
}

function findDateErrors(input: BlackoutInput, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.startsOn < today) errors.push({ field: 'startsOn', reason: `must be today (${today}) or later: past days cannot be changed` });
  else if (dayNumber(input.startsOn) - dayNumber(today) > MAX_DAYS_AHEAD) errors.push({ field: 'startsOn', reason: 'must be within two years from today' });
  if (input.endsOn < input.startsOn) errors.push({ field: 'endsOn', reason: 'must not be before the first day' });
  else if (dayNumber(input.endsOn) - dayNumber(input.startsOn) + 1 > MAX_LENGTH_DAYS) errors.push({ field: 'endsOn', reason: 'a period lasts at most a year' });
  return errors;
}

/** Adds a period the advocate cannot help in; matching leaves them out for it at once (triggers). */
export async function addPortalBlackout(deps: ServiceDeps, advocateId: string, input: BlackoutInput): Promise<{ blackout: AdvocateBlackoutRow; today: string }> {
  return deps.db.transaction(async (tx) => {
    // The row lock keeps two simultaneous adds from overlapping each other.
    const advocate = await loadOwnAdvocate(tx, advocateId, true);
    const today = localDateOf(deps.now(), advocate.timeZone);
    const errors = findDateErrors(input, today);
    if (errors.length) throw invalidInput(errors);
    const existing = await tx.select().from(advocateBlackouts).where(eq(advocateBlackouts.advocateId, advocateId));
    const overlap = existing.find((b) => b.startsOn <= input.endsOn && b.endsOn >= input.startsOn);
    if (overlap) {
      const same = overlap.startsOn === input.startsOn && overlap.endsOn === input.endsOn;
      throw invalidInput([{ field: 'startsOn', reason: same ? 'this period is already in your list' : `overlaps your period from ${overlap.startsOn} to ${overlap.endsOn}` }]);
    }
    if (existing.filter((b) => !isPastBlackout(b, today)).length >= MAX_UPCOMING) {
      throw invalidInput([{ field: 'startsOn', reason: `you can have at most ${MAX_UPCOMING} upcoming periods` }]);
    }
    const [row] = await tx
      .insert(advocateBlackouts)
      .values({ advocateId, startsOn: input.startsOn, endsOn: input.endsOn, reason: input.reason?.trim() || null, createdAt: deps.now() })
      .returning();
    if (!row) throw new Error('blackout insert returned nothing');
    await recordAdvocateAudit(tx, advocate, 'advocate.blackout_added', { blackoutId: row.id, startsOn: row.startsOn, endsOn: row.endsOn });
    return { blackout: row, today };
  });
}

export type RemovalOutcome = { outcome: 'removed' } | { outcome: 'ended_early'; blackout: AdvocateBlackoutRow; today: string };

/**
 * Removes an upcoming period. One under way ends yesterday instead (the days already past stay
 * on record); a past one cannot be changed (409). Another advocate's period is not found (404).
 */
export async function removePortalBlackout(deps: ServiceDeps, advocateId: string, blackoutId: string): Promise<RemovalOutcome> {
  return deps.db.transaction(async (tx) => {
    const advocate = await loadOwnAdvocate(tx, advocateId, true);
    const [blackout] = await tx
      .select()
      .from(advocateBlackouts)
      .where(and(eq(advocateBlackouts.id, blackoutId), eq(advocateBlackouts.advocateId, advocateId)))
      .limit(1);
    if (!blackout) throw notFound('The period');
    const today = localDateOf(deps.now(), advocate.timeZone);
    if (isPastBlackout(blackout, today)) throw conflict('This period is over: past periods cannot be changed.');
    const details = { blackoutId, startsOn: blackout.startsOn, endsOn: blackout.endsOn };
    if (blackout.startsOn < today) {
      const [updated] = await tx.update(advocateBlackouts).set({ endsOn: addDays(today, -1) }).where(eq(advocateBlackouts.id, blackoutId)).returning();
      if (!updated) throw notFound('The period');
      await recordAdvocateAudit(tx, advocate, 'advocate.blackout_removed', { ...details, endedEarlyOn: updated.endsOn });
      return { outcome: 'ended_early', blackout: updated, today };
    }
    await tx.delete(advocateBlackouts).where(eq(advocateBlackouts.id, blackoutId));
    await recordAdvocateAudit(tx, advocate, 'advocate.blackout_removed', details);
    return { outcome: 'removed' };
  });
}
