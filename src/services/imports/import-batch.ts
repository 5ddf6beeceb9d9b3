import type { ImportRowOutcome } from '../../db/schema/index.js';
import type { MappedRow } from '../../domain/import/validate-row.js';
import type { FieldError } from '../errors.js';
import { KeyTable } from '../../domain/import/key-table.js';

/** What happened (or, in a dry run, would happen) to one data row. */
export interface RowOutcome {
  rowNumber: number;
  outcome: ImportRowOutcome;
  recordId: string | null;
  label: string | null;
  errors: FieldError[];
}

/** A row read from the file, with its cells by Vouch field. */
export interface BatchRow {
  rowNumber: number;
  cells: MappedRow;
}

/** A record to insert or update; `values` are the columns as the batch SQL reads them. */
export interface RecordWrite<V> {
  rowNumber: number;
  id: string;
  values: V;
}

/** The decisions for one batch: every row's outcome and the writes that carry them out. */
export interface BatchPlan<V> {
  outcomes: RowOutcome[];
  creates: RecordWrite<V>[];
  updates: RecordWrite<V>[];
}

export const rejected = (rowNumber: number, label: string | null, errors: FieldError[]): RowOutcome => ({
  rowNumber,
  outcome: 'rejected',
  recordId: null,
  label,
  errors,
});

/**
 * Identities already used by an earlier row of the same file (CRM id, e-mail, name at an
 * account, target record): a second row with the same identity is rejected, never merged.
 */
export class FileIdentities {
  /** Fingerprints, not strings: a 100k-row file claims about 400k keys (see KeyTable). */
  private readonly rows = new KeyTable();

  /** The earlier row holding one of these keys, or undefined after claiming them all for this row. */
  claim(keys: readonly (string | null | undefined)[], rowNumber: number): number | undefined {
    for (const key of keys) {
      if (!key) continue;
      const earlier = this.rows.get(key);
      if (earlier !== undefined && earlier !== rowNumber) return earlier;
    }
    for (const key of keys) if (key) this.rows.set(key, rowNumber);
    return undefined;
  }
}

/** Names of the given fields whose value differs from the stored one. */
export function changedKeys<T extends object>(given: Partial<T>, stored: T): (keyof T)[] {
  return (Object.keys(given) as (keyof T)[]).filter((key) => given[key] !== undefined && given[key] !== stored[key]);
}

export const lower = (value: string) => value.toLowerCase();
