import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { accounts, opportunities, pipelineStages, users, type OpportunityRow } from '../../db/schema/index.js';
import { conflict, type AppError, type FieldError } from '../errors.js';
import { findInvalidTaxonomyKeys } from '../taxonomy/validate-keys.js';
import { liveStageKeys } from '../pipeline-stages/list-pipeline-stages.js';

/** The fields a caller sets on an opportunity (outcome fields are recorded by the outcome use case). */
export interface OpportunityFields {
  name: string;
  prospectName: string;
  prospectIndustryKey: string | null;
  prospectEmployeeCount: number | null;
  prospectAnnualRevenueUsd: number | null;
  prospectCountry: string | null;
  stageKey: string;
  amountUsd: number | null;
  closeDate: string | null;
  ownerUserId: string;
  productKeys: string[];
  competitors: string[];
  excludedAccountIds: string[];
  decisionMakerBuyIn: boolean;
  technicalApproval: boolean;
  budgetConfirmed: boolean;
  finalist: boolean;
  crmId: string | null;
  notes: string | null;
}
export type OpportunityPatch = Partial<OpportunityFields>;

export const OPPORTUNITY_FIELDS = [
  'name', 'prospectName', 'prospectIndustryKey', 'prospectEmployeeCount', 'prospectAnnualRevenueUsd', 'prospectCountry', 'stageKey',
  'amountUsd', 'closeDate', 'ownerUserId', 'productKeys', 'competitors', 'excludedAccountIds', 'decisionMakerBuyIn', 'technicalApproval',
  'budgetConfirmed', 'finalist', 'crmId', 'notes',
] as const satisfies readonly (keyof OpportunityFields)[];

const OPTIONAL_TEXT = ['prospectIndustryKey', 'prospectCountry', 'crmId', 'notes'] as const;

/** Trims text, turns blank optional text into null, de-duplicates lists. Keeps only the fields given. */
export function normalizeOpportunityPatch(patch: OpportunityPatch): OpportunityPatch {
  const out: OpportunityPatch = {};
  for (const field of OPPORTUNITY_FIELDS) {
    if (patch[field] !== undefined) Object.assign(out, { [field]: patch[field] });
  }
  if (out.name !== undefined) out.name = out.name.trim();
  if (out.prospectName !== undefined) out.prospectName = out.prospectName.trim();
  if (out.stageKey !== undefined) out.stageKey = out.stageKey.trim();
  for (const field of OPTIONAL_TEXT) {
    const value = out[field];
    if (typeof value === 'string') out[field] = value.trim() === '' ? null : value.trim();
  }
  if (out.prospectCountry) out.prospectCountry = out.prospectCountry.toUpperCase();
  if (out.productKeys) out.productKeys = [...new Set(out.productKeys)];
  if (out.excludedAccountIds) out.excludedAccountIds = [...new Set(out.excludedAccountIds)];
  if (out.competitors) {
    const seen = new Set<string>();
    out.competitors = out.competitors.map((c) => c.trim()).filter((c) => c && !seen.has(c.toLowerCase()) && seen.add(c.toLowerCase()));
  }
  return out;
}

export function opportunityFieldsOf(row: OpportunityRow): OpportunityFields {
  const fields = {} as Record<keyof OpportunityFields, unknown>;
  for (const field of OPPORTUNITY_FIELDS) fields[field] = row[field];
  return fields as OpportunityFields;
}

export function changedOpportunityFields(before: OpportunityFields, after: OpportunityFields): (keyof OpportunityFields)[] {
  return OPPORTUNITY_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** Whether this user may own opportunities: active, with the sales or admin role. */
export async function isEligibleOwner(db: Executor, userId: string): Promise<boolean> {
  const [owner] = await db.select({ roles: users.roles, status: users.status }).from(users).where(eq(users.id, userId)).limit(1);
  return Boolean(owner && owner.status === 'active' && (owner.roles.includes('sales') || owner.roles.includes('admin')));
}

/** Every problem with the fields given, at once: taxonomy keys, the stage (in use, not retired), the owner, excluded accounts. */
export async function findInvalidOpportunityFields(db: Executor, given: OpportunityPatch): Promise<FieldError[]> {
  const errors = await findInvalidTaxonomyKeys(db, [
    { facet: 'industry', field: 'prospectIndustryKey', key: given.prospectIndustryKey },
    { facet: 'country', field: 'prospectCountry', key: given.prospectCountry },
    { facet: 'product', field: 'productKeys', keys: given.productKeys },
  ]);
  if (given.stageKey !== undefined && !(await liveStageKeys(db)).has(given.stageKey)) {
    errors.push({ field: 'stageKey', reason: `"${given.stageKey}" is not a current pipeline stage` });
  }
  if (given.ownerUserId !== undefined && !(await isEligibleOwner(db, given.ownerUserId))) {
    errors.push({ field: 'ownerUserId', reason: 'must be an active seller (sales role) or admin' });
  }
  if (given.excludedAccountIds?.length) {
    const found = new Set(
      (await db.select({ id: accounts.id }).from(accounts).where(inArray(accounts.id, given.excludedAccountIds))).map((r) => r.id),
    );
    given.excludedAccountIds.forEach((id, i) => {
      if (!found.has(id)) errors.push({ field: `excludedAccountIds.${i}`, reason: 'is not an account' });
    });
  }
  return errors;
}

async function crmIdConflict(db: Executor, crmId: string, exceptId: string | null): Promise<AppError | null> {
  const [existing] = await db
    .select({ id: opportunities.id, name: opportunities.name })
    .from(opportunities)
    .where(and(eq(opportunities.crmId, crmId), exceptId ? ne(opportunities.id, exceptId) : undefined))
    .limit(1);
  if (!existing) return null;
  return conflict(`The CRM id is already used by opportunity "${existing.name}" (${existing.id}).`, [
    { field: 'crmId', reason: 'is already used by another opportunity' },
  ]);
}

export async function assertOpportunityCrmIdFree(db: Executor, crmId: string | null | undefined, exceptId: string | null): Promise<void> {
  const problem = crmId ? await crmIdConflict(db, crmId, exceptId) : null;
  if (problem) throw problem;
}

/** Two writers racing for one CRM id: the unique index refuses the second, reported like the pre-check. */
export async function opportunityCrmIdRaceToConflict(db: Executor, error: unknown, crmId: string | null | undefined, exceptId: string | null): Promise<unknown> {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && typeof e === 'object' && e !== null; depth++) {
    const pgError = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (pgError.code === '23505' && pgError.constraint === 'opportunities_crm_id_key' && crmId) {
      return (await crmIdConflict(db, crmId, exceptId)) ?? error;
    }
    e = pgError.cause;
  }
  return error;
}

export interface OpportunityWithRefs {
  opportunity: OpportunityRow;
  owner: { id: string; name: string; email: string } | null;
  stage: { key: string; label: string; position: number; retired: boolean } | null;
  excludedAccounts: { id: string; name: string }[];
}

/** Adds the owner, the stage and the excluded accounts' names to rows, with one query each. */
export async function withRefs(db: Executor, rows: OpportunityRow[]): Promise<OpportunityWithRefs[]> {
  if (rows.length === 0) return [];
  const ownerIds = [...new Set(rows.map((r) => r.ownerUserId))];
  const accountIds = [...new Set(rows.flatMap((r) => r.excludedAccountIds))];
  const [owners, stages, excluded] = await Promise.all([
    db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ownerIds)),
    db.select().from(pipelineStages),
    accountIds.length ? db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, accountIds)) : [],
  ]);
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  const stageByKey = new Map(stages.map((s) => [s.key, { key: s.key, label: s.label, position: s.position, retired: s.retiredAt !== null }]));
  const accountById = new Map(excluded.map((a) => [a.id, a]));
  return rows.map((opportunity) => ({
    opportunity,
    owner: ownerById.get(opportunity.ownerUserId) ?? null,
    stage: stageByKey.get(opportunity.stageKey) ?? null,
    excludedAccounts: opportunity.excludedAccountIds.flatMap((id) => {
      const account = accountById.get(id);
      return account ? [account] : [];
    }),
  }));
}

export async function withRefsOne(db: Executor, row: OpportunityRow): Promise<OpportunityWithRefs> {
  const [one] = await withRefs(db, [row]);
  if (!one) throw new Error('withRefs returned nothing');
  return one;
}
