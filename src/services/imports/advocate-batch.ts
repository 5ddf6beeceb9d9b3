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

/**
 * Accounts named by rows, by CRM id and by name (lower case). Contact exports name the same
 * accounts over and over: what one batch loaded is kept for the next ones (accounts are not
 * written by an advocate import), so each account is looked up once per run.
 */
export class AccountDirectory {
  readonly byCrm = new Map<string, StoredAccountRef | null>();
  readonly byName = new Map<string, StoredAccountRef[]>();

  async load(db: Executor, valid: { values: AdvocateImportValues }[]): Promise<void> {
    const crmIds = [...new Set(valid.flatMap((v) => (v.values.accountCrmId && !this.byCrm.has(v.values.accountCrmId) ? [v.values.accountCrmId] : [])))];
    const names = [...new Set(valid.flatMap((v) => (v.values.accountName && !this.byName.has(lower(v.values.accountName)) ? [lower(v.values.accountName)] : [])))];
    if (crmIds.length > 0) {
      const rows = await queryRows<StoredAccountRef>(
        db,
        sql`select id, name, crm_id as "crmId" from accounts where crm_id = any(array(select jsonb_array_elements_text(${JSON.stringify(crmIds)}::jsonb)))`,
      );
      for (const crmId of crmIds) this.byCrm.set(crmId, null);
      for (const a of rows) this.byCrm.set(a.crmId!, a);
    }
    if (names.length > 0) {
      const rows = await queryRows<StoredAccountRef>(
        db,
        sql`select id, name, crm_id as "crmId" from accounts where lower(name) = any(array(select jsonb_array_elements_text(${JSON.stringify(names)}::jsonb)))`,
      );
      for (const name of names) this.byName.set(name, []);
      for (const a of rows) this.byName.get(lower(a.name))?.push(a);
    }
    // Bounded: a file naming more accounts than this starts over rather than growing without end.
    if (this.byCrm.size + this.byName.size > 200_000) {
      this.byCrm.clear();
      this.byName.clear();
    }
  }
}

/** The account a row names: by CRM id first, then by exact name (ignoring case). */
function resolveAccount(values: AdvocateImportValues, accounts: AccountDirectory): string | FieldError {
  const byCrm = values.accountCrmId ? accounts.byCrm.get(values.accountCrmId) : undefined;
  if (byCrm) return byCrm.id;
  const sameName = values.accountName ? (accounts.byName.get(lower(values.accountName)) ?? []) : [];
  if (sameName.length === 1) return sameName[0]!.id;
  if (sameName.length > 1) return { field: 'accountName', reason: `${sameName.length} accounts are named "${values.accountName}": use the account CRM id` };
  const refs = [values.accountCrmId && `CRM id "${values.accountCrmId}"`, values.accountName && `name "${values.accountName}"`].filter(Boolean);
  return { field: values.accountCrmId ? 'accountCrmId' : 'accountName', reason: `no account with ${refs.join(' or ')}: import the accounts first` };
}

const STORED_COLUMNS = sql`v.id, v.account_id as "accountId", v.first_name as "firstName", v.last_name as "lastName", v.crm_id as "crmId",
  v.email, v.phone, v.title, v.country`;

interface StoredIndex {
  byCrm: Map<string, StoredAdvocate>;
  byEmail: Map<string, StoredAdvocate>;
  byName: Map<string, StoredAdvocate[]>;
}

const storedNameKey = (a: StoredAdvocate) => nameKey(a.accountId, a.firstName, a.lastName);

/**
 * The stored advocates the rows may be: by CRM id first; then, only for the rows that did not
 * find themselves unchanged that way, by e-mail and by name at the account. A re-import of the
 * same file costs one lookup per batch instead of three.
 */
async function loadStoredAdvocates(db: Executor, rows: { values: AdvocateWriteValues }[]): Promise<StoredIndex> {
  const index: StoredIndex = { byCrm: new Map(), byEmail: new Map(), byName: new Map() };
  const json = (values: unknown[]) => JSON.stringify(values);
  const crmIds = rows.flatMap((r) => (r.values.crmId ? [r.values.crmId] : []));
  if (crmIds.length > 0) {
    const found = await queryRows<StoredAdvocate>(
      db,
      sql`select ${STORED_COLUMNS} from advocates v join (select distinct value from jsonb_array_elements_text(${json(crmIds)}::jsonb)) k on v.crm_id = k.value`,
    );
    for (const a of found) index.byCrm.set(a.crmId!, a);
  }
  const targetOf = (v: AdvocateWriteValues) => (v.crmId ? index.byCrm.get(v.crmId) : undefined);
  const emails = rows.flatMap(({ values: v }) => (v.email && targetOf(v)?.email !== v.email ? [v.email] : []));
  const names = rows.flatMap(({ values: v }) => {
    const target = targetOf(v);
    const key = nameKey(v.accountId, v.firstName, v.lastName);
    return target && storedNameKey(target) === key ? [] : [{ a: v.accountId, f: lower(v.firstName), l: lower(v.lastName) }];
  });
  const [byEmail, byName] = await Promise.all([
    emails.length > 0
      ? queryRows<StoredAdvocate>(db, sql`select ${STORED_COLUMNS} from advocates v where lower(v.email) = any(array(select jsonb_array_elements_text(${json(emails)}::jsonb)))`)
      : [],
    names.length > 0
      ? queryRows<StoredAdvocate>(
          db,
          sql`select ${STORED_COLUMNS} from advocates v join jsonb_to_recordset(${json(names)}::jsonb) as r(a uuid, f text, l text)
              on v.account_id = r.a and lower(v.first_name) = r.f and lower(v.last_name) = r.l`,
        )
      : [],
  ]);
  for (const a of byEmail) index.byEmail.set(lower(a.email!), a);
  const seen = new Set<string>();
  for (const a of byName) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    index.byName.set(storedNameKey(a), [...(index.byName.get(storedNameKey(a)) ?? []), a]);
  }
  return index;
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
  const key = nameKey(v.accountId, v.firstName, v.lastName);
  const sameName = stored.byName.get(key) ?? [];
  if (target) {
    // Renaming or moving someone onto the name of another advocate at that account is a duplicate.
    if (storedNameKey(target) !== key && sameName.some((a) => a.id !== target.id)) {
      return { field: 'lastName', reason: 'another advocate with this name exists at this account' };
    }
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
  context: { matchers: RowMatchers; identities: FileIdentities; replay: boolean; accounts: AccountDirectory },
): Promise<BatchPlan<AdvocateWriteValues>> {
  const plan: BatchPlan<AdvocateWriteValues> = { outcomes: [], creates: [], updates: [] };
  const validated: { rowNumber: number; values: AdvocateImportValues }[] = [];
  for (const row of rows) {
    const result = validateAdvocateRow(row.cells, context.matchers);
    if (result.ok) validated.push({ rowNumber: row.rowNumber, values: result.values });
    else plan.outcomes.push(rejected(row.rowNumber, labelOf(row.cells), result.errors));
  }
  const accounts = context.accounts;
  await accounts.load(db, validated);
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

  const index = await loadStoredAdvocates(db, ready);
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
