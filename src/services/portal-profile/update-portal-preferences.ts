import { eq } from 'drizzle-orm';
import { advocates, type Willingness } from '../../db/schema/index.js';
import { isNotificationKind, NOTIFICATION_KINDS } from '../../domain/notifications/catalog.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput, type FieldError } from '../errors.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { loadOwnAdvocate } from './get-portal-profile.js';
import { listActivityTypes, maxPersonalCap, presentPreferences, type PortalPreferences } from './get-portal-preferences.js';
import { recordAdvocateAudit } from './portal-audit.js';

export interface PreferencesInput {
  willingness: Record<string, Willingness>;
  personalCap: number | null;
  /** Optional advocate message kinds to turn off. */
  optOuts: string[];
}

/**
 * The advocate's own preferences, applied at once and audited: willingness per live activity
 * type (entries for retired types the program team recorded are kept), how often they are
 * willing to help (at most the program's cap) and the optional messages they turn off.
 */
export async function updatePortalPreferences(deps: ServiceDeps, advocateId: string, input: PreferencesInput): Promise<PortalPreferences> {
  return deps.db.transaction(async (tx) => {
    const advocate = await loadOwnAdvocate(tx, advocateId, true);
    const policy = await getProgramPolicy(tx);
    const types = await listActivityTypes(tx, policy);
    const live = new Set(types.map((t) => t.key));
    const errors: FieldError[] = [];
    for (const key of Object.keys(input.willingness)) {
      if (!live.has(key)) errors.push({ field: `willingness.${key}`, reason: `"${key}" is not a current activity type` });
    }
    const max = maxPersonalCap(policy, advocate.personalCap);
    if (input.personalCap !== null && input.personalCap > max) errors.push({ field: 'personalCap', reason: `can be at most ${max} units (the program's limit)` });
    input.optOuts.forEach((kind, index) => {
      if (!isNotificationKind(kind) || NOTIFICATION_KINDS[kind].audience !== 'advocate') errors.push({ field: `optOuts.${index}`, reason: `"${kind}" is not a message you receive` });
      else if (NOTIFICATION_KINDS[kind].required) errors.push({ field: `optOuts.${index}`, reason: `"${NOTIFICATION_KINDS[kind].label}" is always sent: it is part of the process` });
    });
    if (errors.length) throw invalidInput(errors);
    const kept = Object.fromEntries(Object.entries(advocate.willingness).filter(([key]) => !live.has(key)));
    const willingness: Record<string, Willingness> = { ...kept, ...input.willingness };
    const optOuts = [...new Set(input.optOuts)];
    const [updated] = await tx
      .update(advocates)
      .set({ willingness, personalCap: input.personalCap, notificationOptOuts: optOuts, updatedAt: deps.now() })
      .where(eq(advocates.id, advocateId))
      .returning();
    if (!updated) throw new Error('advocate update returned nothing');
    await recordAdvocateAudit(tx, advocate, 'advocate.preferences_updated', {
      willingness,
      previousWillingness: advocate.willingness,
      personalCap: input.personalCap,
      previousPersonalCap: advocate.personalCap,
      optOuts,
      previousOptOuts: advocate.notificationOptOuts,
    });
    return presentPreferences(updated, policy, types);
  });
}
