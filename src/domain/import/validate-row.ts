import type { ImportFieldError } from './fields.js';
import { isEmailAddress, isPhoneNumber, parseWholeNumber, type ValueMatcher } from './values.js';

/** Account values read from one row. A field left out (blank cell or unmapped column) keeps the stored value. */
export interface AccountImportValues {
  name: string;
  crmId?: string;
  industryKey?: string;
  hqCountry?: string;
  annualRevenueUsd?: number;
  employeeCount?: number;
  notes?: string;
}

/** Advocate values read from one row; the account is resolved later from accountCrmId or accountName. */
export interface AdvocateImportValues {
  firstName: string;
  lastName: string;
  crmId?: string;
  email?: string;
  phone?: string;
  title?: string;
  country?: string;
  accountCrmId?: string;
  accountName?: string;
}

export interface RowMatchers {
  industry: ValueMatcher;
  country: ValueMatcher;
}

export type RowValidation<T> = { ok: true; values: T } | { ok: false; errors: ImportFieldError[] };

/** A row's cells by Vouch field, trimmed; blank cells are absent. */
export type MappedRow = Partial<Record<string, string>>;

/** Reads a mapped row's cells, collecting one error per bad field. */
export class RowReader {
  readonly errors: ImportFieldError[] = [];
  constructor(private readonly row: MappedRow) {}

  text(field: string, max: number, required = false): string | undefined {
    const value = this.row[field];
    if (value === undefined) {
      if (required) this.errors.push({ field, reason: 'is required' });
      return undefined;
    }
    if (value.length > max) this.errors.push({ field, reason: `must be at most ${max} characters` });
    return value;
  }

  number(field: string, min: number, max: number): number | undefined {
    const raw = this.row[field];
    if (raw === undefined) return undefined;
    const value = parseWholeNumber(raw);
    if (value === null) this.errors.push({ field, reason: `"${raw}" is not a number` });
    else if (value < min || value > max) this.errors.push({ field, reason: `must be between ${min.toLocaleString('en')} and ${max.toLocaleString('en')}` });
    else return value;
    return undefined;
  }

  key(field: string, matcher: ValueMatcher): string | undefined {
    const raw = this.row[field];
    if (raw === undefined) return undefined;
    const result = matcher.match(raw);
    if ('key' in result) return result.key;
    this.errors.push({ field, reason: result.reason });
    return undefined;
  }
}

export function compact<T extends object>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as T;
}

export function validateAccountRow(row: MappedRow, matchers: RowMatchers): RowValidation<AccountImportValues> {
  const r = new RowReader(row);
  const values = {
    name: r.text('name', 200, true) ?? '',
    crmId: r.text('crmId', 100),
    industryKey: r.key('industryKey', matchers.industry),
    hqCountry: r.key('hqCountry', matchers.country),
    annualRevenueUsd: r.number('annualRevenueUsd', 0, Number.MAX_SAFE_INTEGER),
    employeeCount: r.number('employeeCount', 1, 10_000_000),
    notes: r.text('notes', 10_000),
  };
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, values: compact(values) };
}

export function validateAdvocateRow(row: MappedRow, matchers: Pick<RowMatchers, 'country'>): RowValidation<AdvocateImportValues> {
  const r = new RowReader(row);
  const email = r.text('email', 320)?.toLowerCase();
  if (email !== undefined && !isEmailAddress(email)) r.errors.push({ field: 'email', reason: 'is not an e-mail address' });
  const phone = r.text('phone', 30);
  if (phone !== undefined && !isPhoneNumber(phone)) r.errors.push({ field: 'phone', reason: 'must be a phone number such as +33 1 23 45 67 89' });
  const values = {
    firstName: r.text('firstName', 100, true) ?? '',
    lastName: r.text('lastName', 100, true) ?? '',
    crmId: r.text('crmId', 100),
    email,
    phone,
    title: r.text('title', 200),
    country: r.key('country', matchers.country),
    accountCrmId: r.text('accountCrmId', 100),
    accountName: r.text('accountName', 200),
  };
  if (values.accountCrmId === undefined && values.accountName === undefined) {
    r.errors.push({ field: 'account', reason: 'needs the account CRM id or the account name' });
  }
  return r.errors.length ? { ok: false, errors: r.errors } : { ok: true, values: compact(values) };
}

/** Turns a CSV record into cells by field, following the mapping (header → field | null). */
export function mapRow(headers: readonly string[], record: readonly string[], mapping: Record<string, string | null>): MappedRow {
  const row: MappedRow = {};
  headers.forEach((header, i) => {
    const field = mapping[header];
    const value = record[i]?.trim();
    if (field && value) row[field] = value;
  });
  return row;
}
