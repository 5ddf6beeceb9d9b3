import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, advocateColumns, advocateProfileChanges, advocates, auditEvents, users, type AdvocateProfileChangeRow, type AdvocateRow } from '../../db/schema/index.js';
import type { ProfileChangeAccess } from '../../policies/profile-changes.js';
import { recordProtectedReveal } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { notFound } from '../errors.js';
import {
  PROFILE_FIELD_LABELS,
  PROPOSABLE_FIELDS,
  PROTECTED_PROFILE_FIELDS,
  profileValuesOf,
  readProfileChanges,
  sameProfileValue,
  type ProfileValue,
  type ProposableField,
} from './profile-fields.js';

export interface FieldDiff {
  field: ProposableField;
  label: string;
  before: ProfileValue;
  proposed: ProfileValue;
  /** The advocate's value now. */
  current: ProfileValue;
  /** Someone changed the field since the advocate proposed: the reviewer should look twice. */
  changedSinceProposal: boolean;
  /** Approving would change nothing: the value is already the proposed one. */
  alreadyApplied: boolean;
  /** For an approved proposal: whether this field was part of what the admin approved. */
  applied: boolean | null;
}

export interface ProfileChangeDetail {
  change: AdvocateProfileChangeRow;
  advocate: AdvocateRow;
  account: { id: string; name: string; ownerUserId: string | null };
  decidedBy: { id: string; name: string } | null;
  diff: FieldDiff[];
}

/** The change with its advocate and account, locked when asked (deciding). */
export async function loadProfileChange(db: Executor, id: string, lock = false) {
  const query = db
    .select({ change: advocateProfileChanges, advocate: advocateColumns(advocates), account: { id: accounts.id, name: accounts.name, ownerUserId: accounts.ownerUserId } })
    .from(advocateProfileChanges)
    .innerJoin(advocates, eq(advocates.id, advocateProfileChanges.advocateId))
    .innerJoin(accounts, eq(accounts.id, advocates.accountId))
    .where(eq(advocateProfileChanges.id, id))
    .limit(1);
  const [row] = lock ? await query.for('update', { of: [advocateProfileChanges, advocates] }) : await query;
  if (!row) throw notFound('The profile change');
  return row;
}

/** The access facts of a change, read before anything else. */
export async function getProfileChangeAccess(deps: ServiceDeps, id: string): Promise<ProfileChangeAccess> {
  const { account } = await loadProfileChange(deps.db, id);
  return { accountOwnerUserId: account.ownerUserId };
}

/** Which fields an approval applied, from its audit event (every field when none is recorded). */
async function appliedFieldsOf(db: Executor, change: AdvocateProfileChangeRow): Promise<Set<string> | null> {
  if (change.status !== 'approved') return null;
  const [event] = await db
    .select({ details: auditEvents.details })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.targetType, 'advocate'),
        eq(auditEvents.targetId, change.advocateId),
        eq(auditEvents.action, 'advocate.profile_change_approved'),
        sql`${auditEvents.details} ->> 'changeId' = ${change.id}`,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(1);
  const applied = event?.details.appliedFields;
  return new Set(Array.isArray(applied) ? applied.filter((f): f is string => typeof f === 'string') : Object.keys(change.changes));
}

export function buildDiff(change: AdvocateProfileChangeRow, advocate: AdvocateRow, applied: Set<string> | null): FieldDiff[] {
  const proposed = readProfileChanges(change.changes);
  const before = readProfileChanges(change.before);
  const current = profileValuesOf(advocate);
  return PROPOSABLE_FIELDS.filter((field) => field in proposed).map((field) => ({
    field,
    label: PROFILE_FIELD_LABELS[field],
    before: before[field] ?? null,
    proposed: proposed[field] ?? null,
    current: current[field],
    changedSinceProposal: !sameProfileValue(field, before[field], current[field]),
    alreadyApplied: sameProfileValue(field, proposed[field], current[field]),
    applied: applied ? applied.has(field) : null,
  }));
}

/**
 * One proposal with its field-by-field diff (before, proposed, now). The diff may show the
 * advocate's e-mail or phone: reading them is recorded as a protected-field reveal.
 */
export async function getProfileChange(deps: ServiceDeps, actor: Actor, id: string): Promise<ProfileChangeDetail> {
  return deps.db.transaction(async (tx) => {
    const { change, advocate, account } = await loadProfileChange(tx, id);
    const [decider] = change.decidedByUserId ? await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, change.decidedByUserId)) : [];
    const diff = buildDiff(change, advocate, await appliedFieldsOf(tx, change));
    const revealed = diff.filter((d) => PROTECTED_PROFILE_FIELDS.includes(d.field)).map((d) => d.field);
    if (revealed.length) {
      await recordProtectedReveal(tx, actor, {
        subjectType: 'advocate',
        subjectId: advocate.id,
        subjectLabel: `${advocate.firstName} ${advocate.lastName}`,
        fields: revealed,
        reason: `reviewing profile change ${change.id}`,
      });
    }
    return { change, advocate, account, decidedBy: decider ?? null, diff };
  });
}
