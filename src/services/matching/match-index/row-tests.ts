import { NULL_INT, type MaskColumn, type MatchColumns, type SmallColumn } from './match-columns.js';
import type { UuidSet } from './uuid-words.js';

/**
 * Conditions over the in-memory copy, a column at a time: each runs a tight loop over the slots
 * listed in `rows` (the first `n`). Row by row, with a closure per condition, the same work cost
 * about ten times as much (measured at 56k rows).
 */
export interface RowsTest {
  /** Writes 1 (holds) or 0 for each of the first `n` rows. */
  mark: (c: MatchColumns, rows: Int32Array, n: number, out: Uint8Array) => void;
  /** Keeps the rows that hold at the front of `rows`, in their order, and returns how many. */
  keep: (c: MatchColumns, rows: Int32Array, n: number) => number;
  /**
   * When the test is "some small column holds one of its values" (an empty list: never holds),
   * those columns and values: scores then read them through lookup tables (./row-points.ts).
   */
  columns?: readonly ColumnValues[];
}

export interface ColumnValues {
  column: SmallColumn;
  values: readonly number[];
}

let scratch = new Uint8Array(0);

/** Keeps the rows `mark` marks, through one buffer reused by every call (nothing here awaits). */
function keepMarked(mark: RowsTest['mark']): RowsTest['keep'] {
  return (c, rows, n) => {
    if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
    const marks = scratch;
    mark(c, rows, n, marks);
    let kept = 0;
    for (let k = 0; k < n; k++) if (marks[k]) rows[kept++] = rows[k]!;
    return kept;
  };
}

export const always: RowsTest = { mark: (_c, _rows, n, out) => out.fill(1, 0, n), keep: (_c, _rows, n) => n };
export const never: RowsTest = { mark: (_c, _rows, n, out) => out.fill(0, 0, n), keep: () => 0, columns: [] };

/** A small-integer column holds one of the values. */
export function smallIn(column: SmallColumn, values: readonly number[]): RowsTest {
  const columns = [{ column, values }];
  if (values.length === 1) {
    const value = values[0]!;
    return {
      columns,
      mark: (c, rows, n, out) => {
        const col = c.small[column];
        for (let k = 0; k < n; k++) out[k] = col[rows[k]!] === value ? 1 : 0;
      },
      keep: (c, rows, n) => {
        const col = c.small[column];
        let kept = 0;
        for (let k = 0; k < n; k++) {
          const r = rows[k]!;
          if (col[r] === value) rows[kept++] = r;
        }
        return kept;
      },
    };
  }
  const wanted = Int16Array.from(values);
  const holds = (v: number) => {
    for (let w = 0; w < wanted.length; w++) if (wanted[w] === v) return true;
    return false;
  };
  return {
    columns,
    mark: (c, rows, n, out) => {
      const col = c.small[column];
      for (let k = 0; k < n; k++) out[k] = holds(col[rows[k]!]!) ? 1 : 0;
    },
    keep: (c, rows, n) => {
      const col = c.small[column];
      let kept = 0;
      for (let k = 0; k < n; k++) {
        const r = rows[k]!;
        if (holds(col[r]!)) rows[kept++] = r;
      }
      return kept;
    },
  };
}

/** The mask shares a bit with (low, high), or, with `none`, shares none. */
export function maskAny(column: MaskColumn, [low, high]: readonly [number, number], none = false): RowsTest {
  const hit = none ? 0 : 1;
  return {
    mark: (c, rows, n, out) => {
      const m = c.masks[column];
      for (let k = 0; k < n; k++) {
        const r = rows[k]! * 2;
        out[k] = ((m[r]! & low) | (m[r + 1]! & high)) !== 0 ? hit : 1 - hit;
      }
    },
    keep: (c, rows, n) => {
      const m = c.masks[column];
      let kept = 0;
      for (let k = 0; k < n; k++) {
        const r = rows[k]!;
        if ((((m[r * 2]! & low) | (m[r * 2 + 1]! & high)) !== 0 ? 1 : 0) === hit) rows[kept++] = r;
      }
      return kept;
    },
  };
}

/** A test of one slot at a time, for the conditions few rows reach or whose loop is not the cost. */
function perSlot(holds: (c: MatchColumns, slot: number) => boolean): RowsTest {
  return {
    mark: (c, rows, n, out) => {
      for (let k = 0; k < n; k++) out[k] = holds(c, rows[k]!) ? 1 : 0;
    },
    keep: (c, rows, n) => {
      let kept = 0;
      for (let k = 0; k < n; k++) {
        const r = rows[k]!;
        if (holds(c, r)) rows[kept++] = r;
      }
      return kept;
    },
  };
}

export const referenceable: RowsTest = {
  mark: (c, rows, n, out) => {
    for (let k = 0; k < n; k++) out[k] = c.referenceable[rows[k]!]!;
  },
  keep: (c, rows, n) => {
    const flags = c.referenceable;
    let kept = 0;
    for (let k = 0; k < n; k++) {
      const r = rows[k]!;
      if (flags[r]) rows[kept++] = r;
    }
    return kept;
  },
};

/** The account's employee count lies in one of the bands (unknown: never). */
export function employeesIn(bands: readonly { min: number; max: number | null }[]): RowsTest {
  return perSlot((c, slot) => {
    const e = c.employees[slot]!;
    if (e === NULL_INT) return false;
    for (const b of bands) if (e >= b.min && (b.max === null || e < b.max)) return true;
    return false;
  });
}

/** No blackout period touches the days from `first` to `last` (day numbers, both included). */
export function freeBetween(first: number, last: number): RowsTest {
  const free = (c: MatchColumns, slot: number) => {
    const periods = c.blackouts.get(slot);
    if (periods) for (let p = 0; p < periods.length; p += 2) if (periods[p]! <= last && periods[p + 1]! > first) return false;
    return true;
  };
  return {
    mark: (c, rows, n, out) => {
      for (let k = 0; k < n; k++) {
        const r = rows[k]!;
        out[k] = c.blackoutFrom[r]! > last || c.blackoutUntil[r]! <= first || free(c, r) ? 1 : 0;
      }
    },
    // Most advocates have no blackout, or none near the range: only the others are looked up.
    keep: (c, rows, n) => {
      const from = c.blackoutFrom;
      const until = c.blackoutUntil;
      let kept = 0;
      for (let k = 0; k < n; k++) {
        const r = rows[k]!;
        if (from[r]! > last || until[r]! <= first || free(c, r)) rows[kept++] = r;
      }
      return kept;
    },
  };
}

/** The advocate (ids) or its account (accounts) is not one of these. */
export function uuidNotIn(target: 'ids' | 'accounts', set: UuidSet): RowsTest {
  return perSlot((c, slot) => !set.has(c[target], slot * 4));
}

export function anyOf(tests: readonly RowsTest[]): RowsTest {
  if (tests.length === 1) return tests[0]!;
  const mark: RowsTest['mark'] = (c, rows, n, out) => {
    const part = new Uint8Array(n);
    out.fill(0, 0, n);
    for (const test of tests) {
      test.mark(c, rows, n, part);
      for (let k = 0; k < n; k++) out[k]! |= part[k]!;
    }
  };
  const columns = tests.every((t) => t.columns) ? tests.flatMap((t) => t.columns ?? []) : undefined;
  return { mark, keep: keepMarked(mark), columns };
}

export function allOf(tests: readonly RowsTest[]): RowsTest {
  if (tests.length === 1) return tests[0]!;
  return {
    mark: (c, rows, n, out) => {
      const part = new Uint8Array(n);
      out.fill(1, 0, n);
      for (const test of tests) {
        test.mark(c, rows, n, part);
        for (let k = 0; k < n; k++) out[k]! &= part[k]!;
      }
    },
    keep: (c, rows, n) => tests.reduce((kept, test) => test.keep(c, rows, kept), n),
  };
}
