import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import { validateAdvocateRow, type AdvocateImportValues, type RowMatchers } from '../../domain/import/validate-row.js';
import type { FieldError } from '../errors.js';
import { changedKeys, lower, rejected, type BatchPlan, type BatchRow, type FileIdentities, type RecordWrite } from './import-batch.js';

/** The stored columns an import writes, with the account resolved from the row's account reference. */
export interface AdvocateWriteValues {
  accountId: string;
  firstName: string;
  lastName: string;
  crmId?: string;
  email?: string;
  phone?: string;
  title?: string;
  country?: string;
}

interface StoredAdvocate {
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  crmId: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  country: string | null;
}

interface StoredAccountRef {
  id: string;
  name: string;
  crmId: string | null;
}

function labelOf(values: { firstName?: string; lastName?: string; crmId?: string }): string | null {
  const name = [values.firstName, values.lastName].filter(Boolean).join(' ');
  if (!name) return values.crmId ?? null;
  return values.crmId ? `${name} (${values.crmId})` : name;
}

const nameKey = (accountId: string, firstName: string, lastName: string) => `${accountId}|${lower(firstName)}|${lower(lastName)}`;

async function loadAccounts(db: Executor, valid: { values: AdvocateImportValues }[]): Promise<{ byCrm: Map<string, StoredAccountRef>; byName: Map<string, StoredAccountRef[]> }> {
  const crmIds = [...new Set(valid.flatMap((v) => (v.values.accountCrmId ? [v.values.accountCrmId] : [])))];
  const names = [...new Set(valid.flatMap((v) => (v.values.accountName ? [lower(v.values.accountName)] : [])))];
  const rows = await queryRows<StoredAccountRef>(
    db,
    sql`select id, name, crm_id as "crmId" from accounts where crm_id in (select jsonb_array_elements_text(${JSON.stringify(crmIds)}::jsonb))
        union select id, name, crm_id from accounts where lower(name) in (select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb))`,
  );
  const byCrm = new Map(rows.flatMap((a) => (a.crmId ? [[a.crmId, a] as const] : [])));
  const byName = new Map<string, StoredAccountRef[]>();
  for (const a of rows) byName.set(lower(a.name), [...(byName.get(lower(a.name)) ?? []), a]);
  return { byCrm, byName };
}

/** The account a row names: by CRM id first, then by exact name (ignoring case). */
function resolveAccount(values: AdvocateImportValues, accounts: Awaited<ReturnType<typeof loadAccounts>>): string | FieldError {
  const byCrm = values.accountCrmId ? accounts.byCrm.get(values.accountCrmId) : undefined;
  if (byCrm) return byCrm.id;
  const sameName = values.accountName ? (accounts.byName.get(lower(values.accountName)) ?? []) : [];
  if (sameName.length === 1) return sameName[0]!.id;
  if (sameName.length > 1) return { field: 'accountName', reason: `${sameName.length} accounts are named "${values.accountName}": use the account CRM id` };
  const refs = [values.accountCrmId && `CRM id "${values.accountCrmId}"`, values.accountName && `name "${values.accountName}"`].filter(Boolean);
  return { field: values.accountCrmId ? 'accountCrmId' : 'accountName', reason: `no account with ${refs.join(' or ')}: import the accounts first` };
}

async function loadStoredAdvocates(db: Executor, rows: { values: AdvocateWriteValues }[]): Promise<StoredAdvocate[]> {
  const crmIds = rows.flatMap((r) => (r.values.crmId ? [r.values.crmId] : []));
  const emails = rows.flatMap((r) => (r.values.email ? [r.values.email] : []));
  const names = rows.map((r) => ({ a: r.values.accountId, f: lower(r.values.firstName), l: lower(r.values.lastName) }));
  const columns = sql`id, account_id as "accountId", first_name as "firstName", last_name as "lastName", crm_id as "crmId", email, phone, title, country`;
  return queryRows<StoredAdvocate>(
    db,
    sql`select ${columns} from advocates where crm_id in (select jsonb_array_elements_text(${JSON.stringify(crmIds)}::jsonb))
        union select ${columns} from advocates where lower(email) in (select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb))
        union select ${columns} from advocates v join jsonb_to_recordset(${JSON.stringify(names)}::jsonb) as r(a uuid, f text, l text)
          on v.account_id = r.a and lower(v.first_name) = r.f and lower(v.last_name) = r.l`,
  );
}

interface StoredIndex {
  byCrm: Map<string, StoredAdvocate>;
  byEmail: Map<string, StoredAdvocate>;
  byName: Map<string, StoredAdvocate[]>;
}

/**
 * The duplicate rules of createAdvocate, applied to a row: the same CRM id is the same person;
 * so is the same e-mail, unless both carry different CRM ids; the same name at the same account
 * is the same person only when nothing (e-mail, CRM id) says otherwise.
 */
function findTarget(v: AdvocateWriteValues, stored: StoredIndex): StoredAdvocate | null | FieldError {
  const byEmail = v.email ? stored.byEmail.get(v.email) : undefined;
  let target = v.crmId ? stored.byCrm.get(v.crmId) : undefined;
  if (target && byEmail && byEmail.id !== target.id) return { field: 'email', reason: 'belongs to another advocate' };
  if (!target && byEmail) {
    if (v.crmId && byEmail.crmId && byEmail.crmId !== v.crmId) return { field: 'email', reason: `belongs to another advocate (CRM id "${byEmail.crmId}")` };
    target = byEmail;
  }
  const sameName = stored.byName.get(nameKey(v.accountId, v.firstName, v.lastName)) ?? [];
  if (target) {
    if (sameName.some((a) => a.id !== target.id)) return { field: 'lastName', reason: 'another advocate with this name exists at this account' };
    return target;
  }
  if (sameName.length === 0) return null;
  const compatible = sameName.filter((a) => (!v.email || !a.email) && (!v.crmId || !a.crmId));
  if (compatible.length === 1) return compatible[0]!;
  return { field: 'lastName', reason: 'an advocate with this name exists at this account' };
}

/**
 * Decides every row of a batch of advocates: validated, account resolved, checked against earlier
 * rows of the file and against stored advocates (CRM id, e-mail, name at the account).
 */
export async function planAdvocateBatch(
  db: Executor,
  rows: BatchRow[],
  context: { matchers: RowMatchers; identities: FileIdentities; replay: boolean },
): Promise<BatchPlan<AdvocateWriteValues>> {
  const plan: BatchPlan<AdvocateWriteValues> = { outcomes: [], creates: [], updates: [] };
  const validated: { rowNumber: number; values: AdvocateImportValues }[] = [];
  for (const row of rows) {
    const result = validateAdvocateRow(row.cells, context.matchers);
    if (result.ok) validated.push({ rowNumber: row.rowNumber, values: result.values });
    else plan.outcomes.push(rejected(row.rowNumber, labelOf(row.cells), result.errors));
  }
  const accounts = await loadAccounts(db, validated);
  const ready: { rowNumber: number; values: AdvocateWriteValues }[] = [];
  for (const { rowNumber, values } of validated) {
    const { accountCrmId: _crm, accountName: _name, ...own } = values;
    const account = resolveAccount(values, accounts);
    if (typeof account !== 'string') {
      plan.outcomes.push(rejected(rowNumber, labelOf(values), [account]));
      continue;
    }
    const keys = [own.crmId && `crm:${own.crmId}`, own.email && `email:${own.email}`, `name:${nameKey(account, own.firstName, own.lastName)}`];
    const earlier = context.identities.claim(keys, rowNumber);
    if (earlier !== undefined) {
      plan.outcomes.push(rejected(rowNumber, labelOf(values), [{ field: 'row', reason: `duplicates row ${earlier} (same CRM id, e-mail, or name at the account)` }]));
      continue;
    }
    ready.push({ rowNumber, values: { ...own, accountId: account } });
  }
  if (context.replay) return plan;

  const stored = await loadStoredAdvocates(db, ready);
  const index: StoredIndex = { byCrm: new Map(), byEmail: new Map(), byName: new Map() };
  for (const a of stored) {
    if (a.crmId) index.byCrm.set(a.crmId, a);
    if (a.email) index.byEmail.set(lower(a.email), a);
    const key = nameKey(a.accountId, a.firstName, a.lastName);
    index.byName.set(key, [...(index.byName.get(key) ?? []), a]);
  }
  for (const { rowNumber, values } of ready) {
    const label = labelOf(values);
    const target = findTarget(values, index);
    if (target && 'field' in target) {
      plan.outcomes.push(rejected(rowNumber, label, [target]));
    } else if (target && context.identities.claim([`record:${target.id}`], rowNumber) !== undefined) {
      plan.outcomes.push(rejected(rowNumber, label, [{ field: 'row', reason: 'an earlier row of this file already imports into the same advocate' }]));
    } else if (!target) {
      const id = randomUUID();
      plan.creates.push({ rowNumber, id, values });
      plan.outcomes.push({ rowNumber, outcome: 'created', recordId: id, label, errors: [] });
    } else {
      const changed = changedKeys<StoredAdvocate>(values, target).length > 0;
      if (changed) plan.updates.push({ rowNumber, id: target.id, values });
      plan.outcomes.push({ rowNumber, outcome: changed ? 'updated' : 'unchanged', recordId: target.id, label, errors: [] });
    }
  }
  return plan;
}

export type AdvocateWrite = RecordWrite<AdvocateWriteValues>;

/** Inserts and updates a batch of advocates in two statements (new advocates start as nominated). */
export async function writeAdvocates(db: Executor, creates: AdvocateWrite[], updates: AdvocateWrite[], now: Date): Promise<void> {
  const json = (writes: AdvocateWrite[]) => JSON.stringify(writes.map((w) => ({ id: w.id, ...w.values })));
  const columns = sql`id uuid, "accountId" uuid, "firstName" text, "lastName" text, "crmId" text, email text, phone text, title text, country text`;
  const at = now.toISOString();
  if (creates.length > 0) {
    await db.execute(sql`
      insert into advocates (id, account_id, first_name, last_name, crm_id, email, phone, title, country, created_at, updated_at)
      select id, "accountId", "firstName", "lastName", "crmId", email, phone, title, country, ${at}::timestamptz, ${at}::timestamptz
      from jsonb_to_recordset(${json(creates)}::jsonb) as r(${columns})`);
  }
  if (updates.length > 0) {
    await db.execute(sql`
      update advocates v set
        account_id = r."accountId", first_name = r."firstName", last_name = r."lastName", crm_id = coalesce(r."crmId", v.crm_id),
        email = coalesce(r.email, v.email), phone = coalesce(r.phone, v.phone), title = coalesce(r.title, v.title),
        country = coalesce(r.country, v.country), updated_at = ${at}::timestamptz
      from jsonb_to_recordset(${json(updates)}::jsonb) as r(${columns})
      where v.id = r.id`);
  }
}
