import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { taxonomyValues, type AdvocateRow, type Willingness } from '../../db/schema/index.js';
import { isWanted, NOTIFICATION_KINDS, type NotificationKind } from '../../domain/notifications/catalog.js';
import type { ProgramPolicy } from '../../domain/requests/program-policy.js';
import type { ServiceDeps } from '../context.js';
import { getProgramPolicy } from '../program-policies/get-program-policy.js';
import { loadOwnAdvocate } from './get-portal-profile.js';

export interface ActivityPreference {
  key: string;
  label: string;
  /** Units one such activity counts against the cap (the taxonomy weight, or the program's override). */
  weight: number;
  willingness: Willingness;
}

export interface MessagePreference {
  kind: NotificationKind;
  label: string;
  description: string;
  /** Required messages carry the process: always sent, shown as always on. */
  required: boolean;
  enabled: boolean;
}

export interface PortalPreferences {
  activityTypes: ActivityPreference[];
  /** The advocate's own cap in weighted units per window; null means the program's. */
  personalCap: number | null;
  cap: { windowDays: number; programUnits: number; maxUnits: number };
  messages: MessagePreference[];
}

/** The most an advocate may set: the program's cap, or what the program team already set for them if higher. */
export function maxPersonalCap(policy: ProgramPolicy, current: number | null): number {
  return Math.max(policy.caps.advocateUnits, current ?? 0);
}

/** The live activity types with their weights, in display order. */
export async function listActivityTypes(db: Executor, policy: ProgramPolicy): Promise<{ key: string; label: string; weight: number }[]> {
  const rows = await db
    .select({ key: taxonomyValues.key, label: taxonomyValues.label, weight: sql<string | null>`${taxonomyValues.attributes} ->> 'weight'` })
    .from(taxonomyValues)
    .where(and(eq(taxonomyValues.facet, 'activity_type'), isNull(taxonomyValues.retiredAt)))
    .orderBy(asc(taxonomyValues.sortOrder), asc(sql`lower(${taxonomyValues.label})`));
  return rows.map((r) => ({ key: r.key, label: r.label, weight: policy.activityWeights[r.key] ?? (Number(r.weight ?? 1) || 1) }));
}

export function presentPreferences(advocate: AdvocateRow, policy: ProgramPolicy, types: { key: string; label: string; weight: number }[]): PortalPreferences {
  const messages = (Object.keys(NOTIFICATION_KINDS) as NotificationKind[])
    .filter((kind) => NOTIFICATION_KINDS[kind].audience === 'advocate')
    .map((kind) => {
      const info = NOTIFICATION_KINDS[kind];
      return { kind, label: info.label, description: info.description, required: info.required, enabled: isWanted(kind, advocate.notificationOptOuts) };
    });
  return {
    activityTypes: types.map((t) => ({ ...t, willingness: advocate.willingness[t.key] ?? 'ask_first' })),
    personalCap: advocate.personalCap,
    cap: { windowDays: policy.caps.windowDays, programUnits: policy.caps.advocateUnits, maxUnits: maxPersonalCap(policy, advocate.personalCap) },
    messages,
  };
}

export async function getPortalPreferences(deps: ServiceDeps, advocateId: string): Promise<PortalPreferences> {
  const advocate = await loadOwnAdvocate(deps.db, advocateId);
  const policy = await getProgramPolicy(deps.db);
  return presentPreferences(advocate, policy, await listActivityTypes(deps.db, policy));
}
