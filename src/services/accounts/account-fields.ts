import { and, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, users, type AccountRow, type Deployment, type ReferenceStatus } from '../../db/schema/index.js';
import type { AdvocateStatus } from '../../domain/advocate-lifecycle.js';
import { conflict, type AppError, type FieldError } from '../errors.js';
import { findInvalidTaxonomyKeys } from '../taxonomy/validate-keys.js';

/** The fields a caller sets on an account (everything but id and timestamps). */
export interface AccountFields {
  name: string;
  industryKey: string | null;
  annualRevenueUsd: number | null;
  employeeCount: number | null;
  hqCountry: string | null;
  productKeys: string[];
  useCaseKeys: string[];
  deployment: Deployment | null;
  goLiveDate: string | null;
  seats: number | null;
  customerSince: string | null;
  ownerUserId: string | null;
  referenceStatus: ReferenceStatus;
  restrictionReason: string | null;
  usageCap: number | null;
  crmId: string | null;
  notes: string | null;
}

export type AccountPatch = Partial<AccountFields>;
export const ACCOUNT_FIELDS = [
  'name', 'industryKey', 'annualRevenueUsd', 'employeeCount', 'hqCountry', 'productKeys', 'useCaseKeys', 'deployment', 'goLiveDate',
  'seats', 'customerSince', 'ownerUserId', 'referenceStatus', 'restrictionReason', 'usageCap', 'crmId', 'notes',
] as const satisfies readonly (keyof AccountFields)[];

export interface OwnerSummary {
  id: string;
  name: string;
  email: string;
}

export interface AccountWithOwner {
  account: AccountRow;
  owner: OwnerSummary | null;
}

export interface AccountDetail extends AccountWithOwner {
  advocateCount: number;
  advocatesByStatus: Record<AdvocateStatus, number>;
}

const TEXT_FIELDS = ['industryKey', 'hqCountry', 'restrictionReason', 'crmId', 'notes'] as const;

/** Trims text, turns blank optional text into null and de-duplicates key lists. Keeps only the fields given. */
export function normalizePatch(patch: AccountPatch): AccountPatch {
  const out: AccountPatch = {};
  for (const field of ACCOUNT_FIELDS) {
    if (patch[field] !== undefined) Object.assign(out, { [field]: patch[field] });
  }
  if (out.name !== undefined) out.name = out.name.trim();
  for (const field of TEXT_FIELDS) {
    const value = out[field];
    if (typeof value === 'string') out[field] = value.trim() === '' ? null : value.trim();
  }
  if (out.productKeys) out.productKeys = [...new Set(out.productKeys)];
  if (out.useCaseKeys) out.useCaseKeys = [...new Set(out.useCaseKeys)];
  return out;
}

export function fieldsOf(row: AccountRow): AccountFields {
  const fields = {} as Record<keyof AccountFields, unknown>;
  for (const field of ACCOUNT_FIELDS) fields[field] = row[field];
  return fields as AccountFields;
}

/** The fields whose value differs between the stored row and the merged change. */
export function changedFields(before: AccountFields, after: AccountFields): (keyof AccountFields)[] {
  return ACCOUNT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/**
 * Every problem with a change at once: taxonomy keys and the owner of the fields given, and the
 * rules across fields on the merged result (restriction reason, go-live after customer since).
 */
export async function findInvalidAccountFields(db: Executor, given: AccountPatch, merged: AccountFields): Promise<FieldError[]> {
  const errors = await findInvalidTaxonomyKeys(db, [
    { facet: 'industry', field: 'industryKey', key: given.industryKey },
    { facet: 'country', field: 'hqCountry', key: given.hqCountry },
    { facet: 'product', field: 'productKeys', keys: given.productKeys },
    { facet: 'use_case', field: 'useCaseKeys', keys: given.useCaseKeys },
  ]);
  if (given.ownerUserId) {
    const [owner] = await db.select({ roles: users.roles, status: users.status }).from(users).where(eq(users.id, given.ownerUserId)).limit(1);
    if (!owner || owner.status !== 'active' || !owner.roles.includes('owner')) {
      errors.push({ field: 'ownerUserId', reason: 'must be an active relationship owner' });
    }
  }
  const restrictionTouched = given.referenceStatus !== undefined || given.restrictionReason !== undefined;
  if (restrictionTouched && merged.referenceStatus === 'restricted' && !merged.restrictionReason) {
    errors.push({ field: 'restrictionReason', reason: 'is required when the account is restricted' });
  }
  const datesTouched = given.goLiveDate !== undefined || given.customerSince !== undefined;
  if (datesTouched && merged.goLiveDate && merged.customerSince && merged.goLiveDate < merged.customerSince) {
    errors.push({ field: 'goLiveDate', reason: 'cannot be before customerSince' });
  }
  return errors;
}

async function crmIdConflict(db: Executor, crmId: string, exceptId: string | null): Promise<AppError | null> {
  const [existing] = await db
    .select({ id: accounts.id, name: accounts.name })
    .from(accounts)
    .where(and(eq(accounts.crmId, crmId), exceptId ? ne(accounts.id, exceptId) : undefined))
    .limit(1);
  if (!existing) return null;
  return conflict(`The CRM id is already used by account "${existing.name}" (${existing.id}).`, [
    { field: 'crmId', reason: 'is already used by another account' },
  ]);
}

export async function assertCrmIdFree(db: Executor, crmId: string | null | undefined, exceptId: string | null): Promise<void> {
  const problem = crmId ? await crmIdConflict(db, crmId, exceptId) : null;
  if (problem) throw problem;
}

/** Two writers racing for one CRM id: the unique index refuses the second, reported like the pre-check. */
export async function crmIdRaceToConflict(db: Executor, error: unknown, crmId: string | null | undefined, exceptId: string | null): Promise<unknown> {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const pgError = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (pgError.code === '23505' && pgError.constraint === 'accounts_crm_id_key' && crmId) {
      return (await crmIdConflict(db, crmId, exceptId)) ?? error;
    }
    e = pgError.cause;
  }
  return error;
}

/** The account's relationship owner as the API shows it. */
export async function withOwner(db: Executor, account: AccountRow): Promise<AccountWithOwner> {
  if (!account.ownerUserId) return { account, owner: null };
  const [owner] = await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, account.ownerUserId)).limit(1);
  return { account, owner: owner ?? null };
}

/** Accounts with this name, ignoring case and surrounding spaces (names are stored trimmed). */
export async function findSameName(db: Executor, name: string): Promise<{ id: string } | undefined> {
  const [existing] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(sql`lower(${accounts.name})`, name.trim().toLowerCase()))
    .limit(1);
  return existing;
}
