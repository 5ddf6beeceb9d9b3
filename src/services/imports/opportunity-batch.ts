import { randomUUID } from 'node:crypto';
import { asc, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { pipelineStages, users } from '../../db/schema/index.js';
import { createStageMatcher } from '../../domain/import/opportunity-values.js';
import { validateOpportunityRow, type OpportunityImportValues, type OpportunityRowMatchers } from '../../domain/import/validate-opportunity-row.js';
import type { RowMatchers } from '../../domain/import/validate-row.js';
import type { FieldError } from '../errors.js';
import { changedKeys, lower, rejected, type BatchPlan, type BatchRow, type FileIdentities, type RecordWrite } from './import-batch.js';

/** The stored columns an opportunity import writes. */
export interface OpportunityWriteValues {
  name: string;
  prospectName: string;
  crmId?: string;
  stageKey?: string;
  outcome?: 'won' | 'lost';
  closedOn?: string;
  amountWonUsd?: number;
  amountUsd?: number;
  closeDate?: string;
  ownerUserId?: string;
  prospectIndustryKey?: string;
  prospectCountry?: string;
  prospectEmployeeCount?: number;
  prospectAnnualRevenueUsd?: number;
  notes?: string;
}

interface StoredOpportunity {
  id: string;
  name: string;
  prospectName: string;
  crmId: string | null;
  stageKey: string;
  outcome: 'open' | 'won' | 'lost';
  amountUsd: number | null;
  closeDate: string | null;
  ownerUserId: string;
  prospectIndustryKey: string | null;
  prospectCountry: string | null;
  prospectEmployeeCount: number | null;
  prospectAnnualRevenueUsd: number | null;
  notes: string | null;
}

/** What an opportunity import needs besides the row: matchers, the pipeline's last stage, the people who may own deals. */
export interface OpportunityImportContext {
  matchers: OpportunityRowMatchers;
  /** Closed deals imported as new records are placed at the last stage in use. */
  lastStageKey: string;
  owners: OwnerDirectory;
}

/** People who may own deals (active, sales or admin role), by lower-case e-mail and by lower-case full name. */
export class OwnerDirectory {
  constructor(
    private readonly byEmail: Map<string, { id: string; eligible: boolean }>,
    private readonly byName: Map<string, { id: string; eligible: boolean }[]>,
  ) {}

  resolve(owner: string): { id: string } | { reason: string } {
    const wanted = lower(owner.trim());
    const people = wanted.includes('@') ? [this.byEmail.get(wanted)].filter((p) => p !== undefined) : (this.byName.get(wanted) ?? []);
    const eligible = people.filter((p) => p.eligible);
    if (eligible.length === 1) return { id: eligible[0]!.id };
    if (eligible.length > 1) return { reason: `${eligible.length} people are called "${owner}": use their e-mail` };
    if (people.length > 0) return { reason: `"${owner}" is not an active Vouch user with the sales role` };
    return { reason: `"${owner}" is not a Vouch user (invite them first, with the sales role)` };
  }
}

export async function loadOpportunityImportContext(db: Executor, base: RowMatchers): Promise<OpportunityImportContext> {
  const stages = await db
    .select({ key: pipelineStages.key, label: pipelineStages.label })
    .from(pipelineStages)
    .where(isNull(pipelineStages.retiredAt))
    .orderBy(asc(pipelineStages.position));
  const people = await db.select({ id: users.id, email: users.email, name: users.name, roles: users.roles, status: users.status }).from(users);
  const byEmail = new Map<string, { id: string; eligible: boolean }>();
  const byName = new Map<string, { id: string; eligible: boolean }[]>();
  for (const p of people) {
    const entry = { id: p.id, eligible: p.status === 'active' && (p.roles.includes('sales') || p.roles.includes('admin')) };
    byEmail.set(lower(p.email), entry);
    byName.set(lower(p.name.trim()), [...(byName.get(lower(p.name.trim())) ?? []), entry]);
  }
  return {
    matchers: { ...base, stage: createStageMatcher(stages.map((s) => ({ key: s.key, label: s.label }))) },
    lastStageKey: stages.at(-1)?.key ?? 'commit',
    owners: new OwnerDirectory(byEmail, byName),
  };
}

function labelOf(values: { name?: string; prospectName?: string; crmId?: string }): string | null {
  const name = [values.name, values.prospectName].filter(Boolean).join(' — ');
  if (!name) return values.crmId ?? null;
  return values.crmId ? `${name} (${values.crmId})` : name;
}

const nameKey = (v: { name: string; prospectName: string }) => `${lower(v.name)}|${lower(v.prospectName)}`;

const STORED_COLUMNS = sql`id, name, prospect_name as "prospectName", crm_id as "crmId", stage_key as "stageKey", outcome,
  amount_usd::float8 as "amountUsd", close_date::text as "closeDate", owner_user_id as "ownerUserId", prospect_industry_key as "prospectIndustryKey",
  prospect_country as "prospectCountry", prospect_employee_count as "prospectEmployeeCount",
  prospect_annual_revenue_usd::float8 as "prospectAnnualRevenueUsd", notes`;

async function loadStored(db: Executor, valid: { values: OpportunityImportValues }[]): Promise<StoredOpportunity[]> {
  const crmIds = valid.flatMap((v) => (v.values.crmId ? [v.values.crmId] : []));
  const byCrm = crmIds.length
    ? await queryRows<StoredOpportunity>(db, sql`select ${STORED_COLUMNS} from opportunities where crm_id = any(array(select jsonb_array_elements_text(${JSON.stringify(crmIds)}::jsonb)))`)
    : [];
  const found = new Set(byCrm.map((o) => o.crmId));
  const names = valid.flatMap((v) => (v.values.crmId && found.has(v.values.crmId) ? [] : [lower(v.values.name)]));
  const byName = names.length
    ? await queryRows<StoredOpportunity>(db, sql`select ${STORED_COLUMNS} from opportunities where lower(name) = any(array(select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb)))`)
    : [];
  const seen = new Set(byCrm.map((o) => o.id));
  return [...byCrm, ...byName.filter((o) => !seen.has(o.id))];
}

/** The stored opportunity a row updates, null for a new one, or why the row cannot be imported. */
function findTarget(values: OpportunityImportValues, byCrm: Map<string, StoredOpportunity>, byName: Map<string, StoredOpportunity[]>): StoredOpportunity | null | FieldError[] {
  if (values.crmId) {
    const match = byCrm.get(values.crmId);
    if (match) return match;
    // A deal entered by hand before the CRM sync: link it, once.
    const unlinked = (byName.get(nameKey(values)) ?? []).filter((o) => o.crmId === null);
    return unlinked.length === 1 ? unlinked[0]! : null;
  }
  const same = byName.get(nameKey(values)) ?? [];
  if (same.length <= 1) return same[0] ?? null;
  return [{ field: 'opportunityName', reason: `${same.length} opportunities have this name at this prospect: add a CRM id column to say which one` }];
}

/** The row's values as columns, with the owner resolved; or the reasons it cannot be. */
function toWrite(values: OpportunityImportValues, context: OpportunityImportContext): OpportunityWriteValues | FieldError[] {
  const { owner, outcome, ...rest } = values;
  const write: OpportunityWriteValues = { ...rest };
  if (owner !== undefined) {
    const resolved = context.owners.resolve(owner);
    if ('reason' in resolved) return [{ field: 'ownerEmail', reason: resolved.reason }];
    write.ownerUserId = resolved.id;
  }
  if (outcome) write.outcome = outcome;
  return write;
}

/**
 * Decides every row of a batch of opportunities: rejected, created, updated or unchanged. Matches
 * by CRM id, then by name at the same prospect. A new deal needs a stage and an owner; a deal the
 * CRM says is closed is imported closed when new, and an open one in Vouch is never closed by an
 * import (its outcome is recorded in Vouch, which credits the advocates who helped).
 */
export async function planOpportunityBatch(
  db: Executor,
  rows: BatchRow[],
  context: OpportunityImportContext & { identities: FileIdentities; replay: boolean },
): Promise<BatchPlan<OpportunityWriteValues>> {
  const plan: BatchPlan<OpportunityWriteValues> = { outcomes: [], creates: [], updates: [] };
  const valid: { rowNumber: number; values: OpportunityImportValues }[] = [];
  for (const row of rows) {
    const result = validateOpportunityRow(row.cells, context.matchers);
    const label = labelOf({ name: row.cells.opportunityName, prospectName: row.cells.prospectName, crmId: row.cells.crmId });
    if (!result.ok) {
      plan.outcomes.push(rejected(row.rowNumber, label, result.errors));
      continue;
    }
    const earlier = context.identities.claim([result.values.crmId && `crm:${result.values.crmId}`, `name:${nameKey(result.values)}`], row.rowNumber);
    if (earlier !== undefined) {
      plan.outcomes.push(rejected(row.rowNumber, label, [{ field: 'row', reason: `duplicates row ${earlier} (same CRM id, or same name at the same prospect)` }]));
      continue;
    }
    valid.push({ rowNumber: row.rowNumber, values: result.values });
  }
  if (context.replay) return plan;

  const stored = await loadStored(db, valid);
  const byCrm = new Map(stored.flatMap((o) => (o.crmId ? [[o.crmId, o] as const] : [])));
  const byName = new Map<string, StoredOpportunity[]>();
  for (const o of stored) byName.set(nameKey(o), [...(byName.get(nameKey(o)) ?? []), o]);

  for (const { rowNumber, values } of valid) {
    const label = labelOf(values);
    const target = findTarget(values, byCrm, byName);
    const write = toWrite(values, context);
    if (Array.isArray(target) || Array.isArray(write)) {
      plan.outcomes.push(rejected(rowNumber, label, [...(Array.isArray(target) ? target : []), ...(Array.isArray(write) ? write : [])]));
      continue;
    }
    if (target && context.identities.claim([`record:${target.id}`], rowNumber) !== undefined) {
      plan.outcomes.push(rejected(rowNumber, label, [{ field: 'row', reason: 'an earlier row of this file already imports into the same opportunity' }]));
      continue;
    }
    if (!target) {
      const missing: FieldError[] = [];
      if (!write.stageKey && !write.outcome) missing.push({ field: 'stage', reason: 'is required for a new opportunity' });
      if (!write.ownerUserId) missing.push({ field: 'ownerEmail', reason: 'is required for a new opportunity' });
      if (missing.length > 0) {
        plan.outcomes.push(rejected(rowNumber, label, missing));
        continue;
      }
      if (write.outcome) {
        write.stageKey ??= context.lastStageKey;
        if (write.closeDate) write.closedOn = write.closeDate;
        if (write.outcome === 'won' && write.amountUsd !== undefined) write.amountWonUsd = write.amountUsd;
      }
      const id = randomUUID();
      plan.creates.push({ rowNumber, id, values: write });
      plan.outcomes.push({ rowNumber, outcome: 'created', recordId: id, label, errors: [] });
      continue;
    }
    if (write.outcome && write.outcome !== target.outcome) {
      const reason =
        target.outcome === 'open'
          ? `the CRM says this deal is ${write.outcome}: record the outcome on the opportunity's page in Vouch, which credits the advocates who helped`
          : `the CRM says this deal is ${write.outcome}, Vouch says ${target.outcome}: correct it in one of them`;
      plan.outcomes.push(rejected(rowNumber, label, [{ field: 'stage', reason }]));
      continue;
    }
    delete write.outcome;
    const changed = changedKeys<StoredOpportunity>(write as Partial<StoredOpportunity>, target);
    if (changed.length > 0) plan.updates.push({ rowNumber, id: target.id, values: write });
    plan.outcomes.push({ rowNumber, outcome: changed.length > 0 ? 'updated' : 'unchanged', recordId: target.id, label, errors: [] });
  }
  return plan;
}

export type OpportunityWrite = RecordWrite<OpportunityWriteValues>;

const COLUMNS = sql`id uuid, name text, "prospectName" text, "crmId" text, "stageKey" text, outcome text, "closedOn" date, "amountWonUsd" bigint,
  "amountUsd" bigint, "closeDate" date, "ownerUserId" uuid, "prospectIndustryKey" text, "prospectCountry" text, "prospectEmployeeCount" int,
  "prospectAnnualRevenueUsd" bigint, notes text`;

/** Inserts and updates a batch of opportunities in two statements. Blank cells keep stored values; outcomes are only set on new records. */
export async function writeOpportunities(db: Executor, creates: OpportunityWrite[], updates: OpportunityWrite[], now: Date): Promise<void> {
  const json = (writes: OpportunityWrite[]) => JSON.stringify(writes.map((w) => ({ id: w.id, ...w.values })));
  const at = now.toISOString();
  if (creates.length > 0) {
    await db.execute(sql`
      insert into opportunities (id, name, prospect_name, crm_id, stage_key, outcome, closed_on, amount_won_usd, amount_usd, close_date, owner_user_id,
        prospect_industry_key, prospect_country, prospect_employee_count, prospect_annual_revenue_usd, notes, created_at, updated_at)
      select id, name, "prospectName", "crmId", "stageKey", coalesce(outcome, 'open'), "closedOn", "amountWonUsd", "amountUsd", "closeDate", "ownerUserId",
        "prospectIndustryKey", "prospectCountry", "prospectEmployeeCount", "prospectAnnualRevenueUsd", notes, ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${json(creates)}::jsonb) as r(${COLUMNS})`);
  }
  if (updates.length > 0) {
    await db.execute(sql`
      update opportunities o set
        name = coalesce(r.name, o.name), prospect_name = coalesce(r."prospectName", o.prospect_name), crm_id = coalesce(r."crmId", o.crm_id),
        stage_key = coalesce(r."stageKey", o.stage_key), amount_usd = coalesce(r."amountUsd", o.amount_usd), close_date = coalesce(r."closeDate", o.close_date),
        owner_user_id = coalesce(r."ownerUserId", o.owner_user_id), prospect_industry_key = coalesce(r."prospectIndustryKey", o.prospect_industry_key),
        prospect_country = coalesce(r."prospectCountry", o.prospect_country), prospect_employee_count = coalesce(r."prospectEmployeeCount", o.prospect_employee_count),
        prospect_annual_revenue_usd = coalesce(r."prospectAnnualRevenueUsd", o.prospect_annual_revenue_usd), notes = coalesce(r.notes, o.notes),
        updated_at = ${at}::timestamptz
      from jsonb_to_recordset(${json(updates)}::jsonb) as r(${COLUMNS})
      where o.id = r.id`);
  }
}
