import type { MaskColumn, MatchColumns, SmallColumn } from './match-columns.js';
import type { RowsTest } from './row-tests.js';

/**
 * Score terms over the in-memory copy, a column at a time: each adds its points for each of the
 * first `n` slots listed in `rows` to `out`, so a sum needs no buffer of its own.
 */
export type RowsPoints = (c: MatchColumns, rows: Int32Array, n: number, out: Int32Array) => void;

export const zeroPoints: RowsPoints = () => undefined;

export function sumPoints(terms: readonly RowsPoints[]): RowsPoints {
  if (terms.length === 1) return terms[0]!;
  return (c, rows, n, out) => {
    for (const term of terms) term(c, rows, n, out);
  };
}

/** `each` points if the mask has the bit. */
export function bitPoints(column: MaskColumn, bit: number, each: number): RowsPoints {
  const word = bit >= 32 ? 1 : 0;
  const shift = bit & 31;
  return (c, rows, n, out) => {
    const m = c.masks[column];
    for (let k = 0; k < n; k++) out[k]! += ((m[rows[k]! * 2 + word]! >>> shift) & 1) * each;
  };
}

/** `each` points for every bit the mask shares with (low, high). */
export function maskPoints(column: MaskColumn, [low, high]: readonly [number, number], each: number): RowsPoints {
  return (c, rows, n, out) => {
    const m = c.masks[column];
    for (let k = 0; k < n; k++) {
      const r = rows[k]! * 2;
      out[k]! += (bitCount(m[r]! & low) + bitCount(m[r + 1]! & high)) * each;
    }
  };
}

function bitCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** max(0, max − |size bucket − bucket| · step). */
export function nearSizePoints(bucket: number, max: number, step: number): RowsPoints {
  return (c, rows, n, out) => {
    const col = c.small.size_bucket;
    for (let k = 0; k < n; k++) out[k]! += Math.max(0, max - Math.abs(col[rows[k]!]! - bucket) * step);
  };
}

const NO_BRANCH = 255;

/**
 * The points of the first branch whose condition holds, else `otherwise` (0 by default). When
 * every condition is "a small column holds one of these values" (industry, sector, country,
 * region …), one pass reads each such column once through a table from value to the first
 * branch it satisfies; otherwise each condition marks every row.
 */
export function casePoints(branches: readonly { when: RowsTest; then: number }[], otherwise: RowsPoints = zeroPoints): RowsPoints {
  if (otherwise !== zeroPoints) return markedCase(branches, otherwise);
  return branchTables(branches) ?? markedCase(branches, null);
}

function branchTables(branches: readonly { when: RowsTest; then: number }[]): RowsPoints | null {
  if (branches.length >= NO_BRANCH) return null;
  const byColumn = new Map<SmallColumn, number[][]>();
  for (let b = 0; b < branches.length; b++) {
    const columns = branches[b]!.when.columns;
    if (!columns) return null;
    for (const { column, values } of columns) {
      if (values.some((v) => !Number.isInteger(v) || v < -32768 || v > 32767)) return null;
      const lists = byColumn.get(column) ?? [];
      lists.push([b, ...values]);
      byColumn.set(column, lists);
    }
  }
  const columns = [...byColumn.keys()];
  // Indexed by value + 32768: every Int16 value has an entry, so the loop needs no bounds test.
  const tables = columns.map((column) => {
    const table = new Uint8Array(1 << 16).fill(NO_BRANCH);
    // Branches in order: a value keeps the first branch it satisfies.
    for (const [b, ...values] of byColumn.get(column) ?? []) for (const v of values) if (table[v + 32768] === NO_BRANCH) table[v + 32768] = b!;
    return table;
  });
  // Indexed by branch; NO_BRANCH adds nothing.
  const thens = new Int32Array(NO_BRANCH + 1);
  branches.forEach((b, i) => (thens[i] = b.then));
  return fusedBranches(columns, tables, thens) ?? columnByColumn(columns, tables, thens);
}

/**
 * Up to three columns (industry and sector; country, sub-region and region) in one pass: each row
 * reads its columns, takes the earliest branch and adds its points, with no buffer in between.
 * Fewer than three repeat the last column (the earliest of a branch and itself is that branch).
 */
function fusedBranches(columns: readonly SmallColumn[], tables: readonly Uint8Array[], thens: Int32Array): RowsPoints | null {
  if (columns.length === 0 || columns.length > 3) return null;
  const at = (j: number) => Math.min(j, columns.length - 1);
  const [c0, c1, c2] = [0, 1, 2].map((j) => columns[at(j)]!);
  const [t0, t1, t2] = [0, 1, 2].map((j) => tables[at(j)]!);
  return (c, rows, n, out) => {
    const v0 = c.small[c0!];
    const v1 = c.small[c1!];
    const v2 = c.small[c2!];
    for (let k = 0; k < n; k++) {
      const r = rows[k]!;
      const b0 = t0![v0[r]! + 32768]!;
      const b1 = t1![v1[r]! + 32768]!;
      const b2 = t2![v2[r]! + 32768]!;
      const b01 = b0 < b1 ? b0 : b1;
      out[k]! += thens[b01 < b2 ? b01 : b2]!;
    }
  };
}

/** Any number of columns: the first branch each row satisfies, one column at a time, then the points. */
function columnByColumn(columns: readonly SmallColumn[], tables: readonly Uint8Array[], thens: Int32Array): RowsPoints {
  return (c, rows, n, out) => {
    if (best.length < n) best = new Uint8Array(Math.max(n, best.length * 2));
    best.fill(NO_BRANCH, 0, n);
    for (let j = 0; j < columns.length; j++) lowerBranch(best, rows, n, c.small[columns[j]!], tables[j]!);
    for (let k = 0; k < n; k++) out[k]! += thens[best[k]!]!;
  };
}

/** One buffer for every table case (nothing here awaits, and no case nests another). */
let best = new Uint8Array(0);

function lowerBranch(best: Uint8Array, rows: Int32Array, n: number, col: Int16Array, table: Uint8Array): void {
  for (let k = 0; k < n; k++) {
    const b = table[col[rows[k]!]! + 32768]!;
    const was = best[k]!;
    best[k] = b < was ? b : was;
  }
}

function markedCase(branches: readonly { when: RowsTest; then: number }[], otherwise: RowsPoints | null): RowsPoints {
  return (c, rows, n, out) => {
    const points = new Int32Array(n);
    if (otherwise) otherwise(c, rows, n, points);
    const hit = new Uint8Array(n);
    // Last branch first, so an earlier one that also holds overwrites it.
    for (let b = branches.length - 1; b >= 0; b--) {
      const { when, then } = branches[b]!;
      when.mark(c, rows, n, hit);
      for (let k = 0; k < n; k++) if (hit[k]) points[k] = then;
    }
    for (let k = 0; k < n; k++) out[k]! += points[k]!;
  };
}
