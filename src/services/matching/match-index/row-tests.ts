import { NULL_INT, type MaskColumn, type MatchColumns, type SmallColumn } from './match-columns.js';
import type { UuidSet } from './uuid-words.js';

/**
 * Conditions and score terms over the in-memory copy, a column at a time: each one runs a tight
 * loop over the slots listed in `rows` (the first `n`), writing one result per row. Row by row,
 * with a closure per condition, the same work cost about ten times as much (measured at 56k rows).
 */
export type RowsTest = (c: MatchColumns, rows: Int32Array, n: number, out: Uint8Array) => void;
export type RowsPoints = (c: MatchColumns, rows: Int32Array, n: number, out: Int32Array) => void;

export const always: RowsTest = (_c, _rows, n, out) => out.fill(1, 0, n);
export const never: RowsTest = (_c, _rows, n, out) => out.fill(0, 0, n);

/** A small-integer column holds one of the values. */
export function smallIn(column: SmallColumn, values: readonly number[]): RowsTest {
  if (values.length === 1) {
    const value = values[0]!;
    return (c, rows, n, out) => {
      const col = c.small[column];
      for (let k = 0; k < n; k++) out[k] = col[rows[k]!] === value ? 1 : 0;
    };
  }
  const wanted = Int16Array.from(values);
  return (c, rows, n, out) => {
    const col = c.small[column];
    for (let k = 0; k < n; k++) {
      const v = col[rows[k]!];
      let hit = 0;
      for (let w = 0; w < wanted.length; w++) if (wanted[w] === v) hit = 1;
      out[k] = hit;
    }
  };
}

/** The mask shares a bit with (low, high), or, with `none`, shares none. */
export function maskAny(column: MaskColumn, [low, high]: readonly [number, number], none = false): RowsTest {
  const hit = none ? 0 : 1;
  return (c, rows, n, out) => {
    const m = c.masks[column];
    for (let k = 0; k < n; k++) {
      const r = rows[k]! * 2;
      out[k] = ((m[r]! & low) | (m[r + 1]! & high)) !== 0 ? hit : 1 - hit;
    }
  };
}

export const referenceable: RowsTest = (c, rows, n, out) => {
  for (let k = 0; k < n; k++) out[k] = c.referenceable[rows[k]!]!;
};

/** The account's employee count lies in one of the bands (unknown: never). */
export function employeesIn(bands: readonly { min: number; max: number | null }[]): RowsTest {
  return (c, rows, n, out) => {
    for (let k = 0; k < n; k++) {
      const e = c.employees[rows[k]!]!;
      let hit = 0;
      if (e !== NULL_INT) for (const b of bands) if (e >= b.min && (b.max === null || e < b.max)) hit = 1;
      out[k] = hit;
    }
  };
}

/** No blackout period touches the days from `first` to `last` (day numbers, both included). */
export function freeBetween(first: number, last: number): RowsTest {
  return (c, rows, n, out) => {
    for (let k = 0; k < n; k++) {
      const periods = c.hasBlackouts[rows[k]!] ? c.blackouts.get(rows[k]!) : undefined;
      let free = 1;
      if (periods) for (let p = 0; p < periods.length; p += 2) if (periods[p]! <= last && periods[p + 1]! > first) free = 0;
      out[k] = free;
    }
  };
}

/** The advocate (ids) or its account (accounts) is not one of these. */
export function uuidNotIn(target: 'ids' | 'accounts', set: UuidSet): RowsTest {
  return (c, rows, n, out) => {
    const words = c[target];
    for (let k = 0; k < n; k++) out[k] = set.has(words, rows[k]! * 4) ? 0 : 1;
  };
}

export function anyOf(tests: readonly RowsTest[]): RowsTest {
  if (tests.length === 1) return tests[0]!;
  return (c, rows, n, out) => {
    const part = new Uint8Array(n);
    out.fill(0, 0, n);
    for (const test of tests) {
      test(c, rows, n, part);
      for (let k = 0; k < n; k++) out[k]! |= part[k]!;
    }
  };
}

export function allOf(tests: readonly RowsTest[]): RowsTest {
  if (tests.length === 1) return tests[0]!;
  return (c, rows, n, out) => {
    const part = new Uint8Array(n);
    out.fill(1, 0, n);
    for (const test of tests) {
      test(c, rows, n, part);
      for (let k = 0; k < n; k++) out[k]! &= part[k]!;
    }
  };
}

export const zeroPoints: RowsPoints = (_c, _rows, n, out) => out.fill(0, 0, n);

/** The points of the first branch whose condition holds, else `otherwise` (0 by default). */
export function casePoints(branches: readonly { when: RowsTest; then: number }[], otherwise: RowsPoints = zeroPoints): RowsPoints {
  return (c, rows, n, out) => {
    otherwise(c, rows, n, out);
    const hit = new Uint8Array(n);
    // Last branch first, so an earlier one that also holds overwrites it.
    for (let b = branches.length - 1; b >= 0; b--) {
      const { when, then } = branches[b]!;
      when(c, rows, n, hit);
      for (let k = 0; k < n; k++) if (hit[k]) out[k] = then;
    }
  };
}

/** `each` points if the mask has the bit. */
export function bitPoints(column: MaskColumn, bit: number, each: number): RowsPoints {
  const word = bit >= 32 ? 1 : 0;
  const shift = bit & 31;
  return (c, rows, n, out) => {
    const m = c.masks[column];
    for (let k = 0; k < n; k++) out[k] = ((m[rows[k]! * 2 + word]! >>> shift) & 1) * each;
  };
}

/** max(0, max − |size bucket − bucket| · step). */
export function nearSizePoints(bucket: number, max: number, step: number): RowsPoints {
  return (c, rows, n, out) => {
    const col = c.small.size_bucket;
    for (let k = 0; k < n; k++) out[k] = Math.max(0, max - Math.abs(col[rows[k]!]! - bucket) * step);
  };
}

export function sumPoints(terms: readonly RowsPoints[]): RowsPoints {
  if (terms.length === 1) return terms[0]!;
  return (c, rows, n, out) => {
    const part = new Int32Array(n);
    out.fill(0, 0, n);
    for (const term of terms) {
      term(c, rows, n, part);
      for (let k = 0; k < n; k++) out[k]! += part[k]!;
    }
  };
}
