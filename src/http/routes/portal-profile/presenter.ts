import { z } from 'zod';
import type { AdvocateBlackoutRow, AdvocateProfileChangeRow } from '../../../db/schema/index.js';
import { advocateFreshness } from '../../../domain/advocate-freshness.js';
import { ADVOCATE_STATUSES } from '../../../domain/advocate-lifecycle.js';
import type { PortalProfile } from '../../../services/portal-profile/get-portal-profile.js';
import { isPastBlackout } from '../../../services/portal-profile/manage-portal-blackouts.js';
import { PROFILE_FIELD_LABELS, PROPOSABLE_FIELDS, readProfileChanges } from '../../../services/profile-changes/profile-fields.js';

export const profileValueSchema = z.union([z.string(), z.array(z.string()), z.null()]);

const proposalSchema = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'approved', 'rejected', 'superseded']),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  fields: z.array(z.object({ field: z.enum(PROPOSABLE_FIELDS), label: z.string(), before: profileValueSchema, proposed: profileValueSchema })),
});

export const portalProfileSchema = z
  .object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    account: z.object({ id: z.uuid(), name: z.string() }),
    status: z.enum(ADVOCATE_STATUSES),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    country: z.string().nullable(),
    timeZone: z.string().nullable(),
    languageKeys: z.array(z.string()),
    topicKeys: z.array(z.string()),
    useCaseKeys: z.array(z.string()),
    productKeys: z.array(z.string()),
    storySituation: z.string().nullable(),
    storySolution: z.string().nullable(),
    storyOutcomes: z.string().nullable(),
    lastVerifiedAt: z.string().nullable(),
    freshness: z.enum(['fresh', 'due', 'stale', 'never_verified']),
    /** The proposal waiting for the program team's review. */
    pendingChange: proposalSchema.nullable(),
    /** The latest answer to a proposal (approved or rejected, with the team's note). */
    lastDecision: proposalSchema.nullable(),
  })
  .meta({ id: 'PortalProfile' });

export type PortalProfileView = z.infer<typeof portalProfileSchema>;

export function presentProposal(change: AdvocateProfileChangeRow): z.infer<typeof proposalSchema> {
  const proposed = readProfileChanges(change.changes);
  const before = readProfileChanges(change.before);
  return {
    id: change.id,
    status: change.status,
    submittedAt: change.submittedAt.toISOString(),
    decidedAt: change.decidedAt?.toISOString() ?? null,
    note: change.decisionNote,
    fields: PROPOSABLE_FIELDS.filter((f) => f in proposed).map((field) => ({ field, label: PROFILE_FIELD_LABELS[field], before: before[field] ?? null, proposed: proposed[field] ?? null })),
  };
}

export function presentPortalProfile(profile: PortalProfile, options: { now: Date; staleAfterMonths: number }): PortalProfileView {
  const a = profile.advocate;
  return {
    id: a.id,
    firstName: a.firstName,
    lastName: a.lastName,
    account: profile.account,
    status: a.status,
    title: a.title,
    email: a.email,
    phone: a.phone,
    country: a.country,
    timeZone: a.timeZone,
    languageKeys: a.languageKeys,
    topicKeys: a.topicKeys,
    useCaseKeys: a.useCaseKeys,
    productKeys: a.productKeys,
    storySituation: a.storySituation,
    storySolution: a.storySolution,
    storyOutcomes: a.storyOutcomes,
    lastVerifiedAt: a.lastVerifiedAt?.toISOString() ?? null,
    freshness: advocateFreshness(a.lastVerifiedAt, options.now, options.staleAfterMonths),
    pendingChange: profile.pendingChange ? presentProposal(profile.pendingChange) : null,
    lastDecision: profile.lastDecision ? presentProposal(profile.lastDecision) : null,
  };
}

export const portalBlackoutSchema = z
  .object({
    id: z.uuid(),
    startsOn: z.string(),
    endsOn: z.string(),
    reason: z.string().nullable(),
    /** Over: read-only. */
    past: z.boolean(),
    /** Under way: removing it ends it yesterday. */
    current: z.boolean(),
  })
  .meta({ id: 'PortalBlackout' });

export function presentPortalBlackout(b: AdvocateBlackoutRow, today: string): z.infer<typeof portalBlackoutSchema> {
  return { id: b.id, startsOn: b.startsOn, endsOn: b.endsOn, reason: b.reason, past: isPastBlackout(b, today), current: b.startsOn <= today && b.endsOn >= today };
}

const optionSchema = z.object({ key: z.string(), label: z.string(), retired: z.boolean() });
export const profileOptionsSchema = z
  .object({ countries: z.array(optionSchema), languages: z.array(optionSchema), topics: z.array(optionSchema), useCases: z.array(optionSchema), products: z.array(optionSchema) })
  .meta({ id: 'PortalProfileOptions' });

export const portalPreferencesSchema = z
  .object({
    activityTypes: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number(), willingness: z.enum(['yes', 'ask_first', 'no']) })),
    personalCap: z.number().nullable(),
    cap: z.object({ windowDays: z.number().int(), programUnits: z.number(), maxUnits: z.number() }),
    messages: z.array(z.object({ kind: z.string(), label: z.string(), description: z.string(), required: z.boolean(), enabled: z.boolean() })),
  })
  .meta({ id: 'PortalPreferences' });
