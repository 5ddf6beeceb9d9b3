import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { validateAccountRow, type AccountImportValues, type RowMatchers } from '../../domain/import/validate-row.js';
import { changedKeys, lower, rejected, type BatchPlan, type BatchRow, type FileIdentities, type RecordWrite, type RowOutcome } from './import-batch.js';

interface StoredAccount {
  id: string;
  name: string;
  crmId: string | null;
  industryKey: string | null;
  hqCountry: string | null;
  annualRevenueUsd: number | null;
  employeeCount: number | null;
  notes: string | null;
}

export type AccountWrite = RecordWrite<AccountImportValues>;

function labelOf(values: { name?: string; crmId?: string }): string | null {
  if (!values.name) return values.crmId ?? null;
  return values.crmId ? `${values.name} (${values.crmId})` : values.name;
}

const STORED_COLUMNS = sql`id, name, crm_id as "crmId", industry_key as "industryKey", hq_country as "hqCountry",
  annual_revenue_usd as "annualRevenueUsd", employee_count as "employeeCount", notes`;

async function selectAccounts(db: Executor, where: ReturnType<typeof sql>): Promise<StoredAccount[]> {
  const rows = await queryRows<StoredAccount & { annualRevenueUsd: string | number | null }>(db, sql`select ${STORED_COLUMNS} from accounts where ${where}`);
  return rows.map((r) => ({ ...r, annualRevenueUsd: r.annualRevenueUsd === null ? null : Number(r.annualRevenueUsd) }));
}

/** Stored accounts by CRM id, then by name for the rows whose CRM id matched nothing (or that have none). */
async function loadStoredAccounts(db: Executor, valid: { values: AccountImportValues }[]): Promise<StoredAccount[]> {
  const crmIds = valid.flatMap((v) => (v.values.crmId ? [v.values.crmId] : []));
  const byCrm = crmIds.length
    ? await selectAccounts(db, sql`crm_id = any(array(select jsonb_array_elements_text(${JSON.stringify(crmIds)}::jsonb)))`)
    : [];
  const found = new Set(byCrm.map((a) => a.crmId));
  const names = valid.flatMap((v) => (v.values.crmId && found.has(v.values.crmId) ? [] : [lower(v.values.name)]));
  const byName = names.length
    ? await selectAccounts(db, sql`lower(name) = any(array(select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb)))`)
    : [];
  const seen = new Set(byCrm.map((a) => a.id));
  return [...byCrm, ...byName.filter((a) => !seen.has(a.id))];
}

/** Which stored account a row updates, or why it cannot be imported; null = a new account. */
function findTarget(values: AccountImportValues, byCrm: Map<string, StoredAccount>, byName: Map<string, StoredAccount[]>): StoredAccount | null | RowOutcome['errors'] {
  if (values.crmId) {
    const match = byCrm.get(values.crmId);
    if (match) return match;
  }
  const sameName = byName.get(lower(values.name)) ?? [];
  if (sameName.length === 0) return null;
  if (values.crmId) {
    const unlinked = sameName.filter((a) => a.crmId === null);
    if (unlinked.length === 1) return unlinked[0]!;
    const other = sameName[0]!;
    return [{ field: 'name', reason: `an account with this name exists with ${other.crmId ? `CRM id "${other.crmId}"` : 'no CRM id'} (${other.id})` }];
  }
  if (sameName.length === 1) return sameName[0]!;
  return [{ field: 'name', reason: `${sameName.length} accounts have this name: add a CRM id column to say which one` }];
}

/**
 * Decides every row of a batch of accounts: rejected (invalid, duplicate in the file, ambiguous),
 * created, updated (a given value differs) or unchanged. Matches by CRM id, then by name.
 * `replay` only re-registers the rows' identities (a resumed run skipping committed rows).
 */
export async function planAccountBatch(
  db: Executor,
  rows: BatchRow[],
  context: { matchers: RowMatchers; identities: FileIdentities; replay: boolean },
): Promise<BatchPlan<AccountImportValues>> {
  const plan: BatchPlan<AccountImportValues> = { outcomes: [], creates: [], updates: [] };
  const valid: { rowNumber: number; values: AccountImportValues }[] = [];
  for (const row of rows) {
    const result = validateAccountRow(row.cells, context.matchers);
    if (!result.ok) {
      plan.outcomes.push(rejected(row.rowNumber, labelOf({ name: row.cells.name, crmId: row.cells.crmId }), result.errors));
      continue;
    }
    const { values } = result;
    const earlier = context.identities.claim([values.crmId && `crm:${values.crmId}`, `name:${lower(values.name)}`], row.rowNumber);
    if (earlier !== undefined) {
      plan.outcomes.push(rejected(row.rowNumber, labelOf(values), [{ field: 'row', reason: `duplicates row ${earlier} (same CRM id or name)` }]));
      continue;
    }
    valid.push({ rowNumber: row.rowNumber, values });
  }
  if (context.replay) return plan;

  const stored = await loadStoredAccounts(db, valid);
  const byCrm = new Map(stored.flatMap((a) => (a.crmId ? [[a.crmId, a] as const] : [])));
  const byName = new Map<string, StoredAccount[]>();
  for (const a of stored) byName.set(lower(a.name), [...(byName.get(lower(a.name)) ?? []), a]);

  for (const { rowNumber, values } of valid) {
    const label = labelOf(values);
    const target = findTarget(values, byCrm, byName);
    if (Array.isArray(target)) {
      plan.outcomes.push(rejected(rowNumber, label, target));
      continue;
    }
    if (target && context.identities.claim([`record:${target.id}`], rowNumber) !== undefined) {
      plan.outcomes.push(rejected(rowNumber, label, [{ field: 'row', reason: 'an earlier row of this file already imports into the same account' }]));
      continue;
    }
    if (!target) {
      const id = randomUUID();
      plan.creates.push({ rowNumber, id, values });
      plan.outcomes.push({ rowNumber, outcome: 'created', recordId: id, label, errors: [] });
      continue;
    }
    const changed = changedKeys<StoredAccount>(values, target);
    if (changed.length > 0) plan.updates.push({ rowNumber, id: target.id, values });
    plan.outcomes.push({ rowNumber, outcome: changed.length > 0 ? 'updated' : 'unchanged', recordId: target.id, label, errors: [] });
  }
  return plan;
}

/** Inserts and updates a batch of accounts in two statements. Blank cells keep stored values. */
export async function writeAccounts(db: Executor, creates: AccountWrite[], updates: AccountWrite[], now: Date): Promise<void> {
  const json = (writes: AccountWrite[]) => JSON.stringify(writes.map((w) => ({ id: w.id, ...w.values })));
  const columns = sql`id uuid, name text, "crmId" text, "industryKey" text, "hqCountry" text, "annualRevenueUsd" bigint, "employeeCount" int, notes text`;
  if (creates.length > 0) {
    await db.execute(sql`
      insert into accounts (id, name, crm_id, industry_key, hq_country, annual_revenue_usd, employee_count, notes, created_at, updated_at)
      select id, name, "crmId", "industryKey", "hqCountry", "annualRevenueUsd", "employeeCount", notes, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${json(creates)}::jsonb) as r(${columns})`);
  }
  if (updates.length > 0) {
    await db.execute(sql`
      update accounts a set
        name = coalesce(r.name, a.name), crm_id = coalesce(r."crmId", a.crm_id), industry_key = coalesce(r."industryKey", a.industry_key),
        hq_country = coalesce(r."hqCountry", a.hq_country), annual_revenue_usd = coalesce(r."annualRevenueUsd", a.annual_revenue_usd),
        employee_count = coalesce(r."employeeCount", a.employee_count), notes = coalesce(r.notes, a.notes), updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${json(updates)}::jsonb) as r(${columns})
      where a.id = r.id`);
  }
}
