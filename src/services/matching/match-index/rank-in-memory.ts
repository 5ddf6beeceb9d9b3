import type { Term } from '../cheap-score.js';
import type { Condition } from '../match-sql.js';
import type { MatchColumns } from './match-columns.js';
import type { RowsPoints } from './row-points.js';
import type { RowsTest } from './row-tests.js';

/** The hard-rule conditions and the cheap score as tests and points over the in-memory copy. */
export interface InMemoryPool {
  tests: RowsTest[];
  points: RowsPoints;
}

/** The pool over the in-memory copy, or null when some condition only SQL can answer. */
export function compilePool(conditions: readonly Condition[], score: Term): InMemoryPool | null {
  const tests = conditions.map((c) => c.test);
  if (score.points === null || !tests.every((t): t is RowsTest => t !== null)) return null;
  return { tests, points: score.points };
}

/** The slots passing every condition (the first `size` of `rows`) with their cheap score. */
export interface ScoredPool {
  columns: MatchColumns;
  rows: Int32Array;
  scores: Int32Array;
  size: number;
}

/** Applies the conditions one after the other, each to the rows the previous ones kept, then scores them. */
export function scorePool(c: MatchColumns, pool: InMemoryPool): ScoredPool {
  const rows = c.liveSlots().slice();
  let size = rows.length;
  for (const test of pool.tests) size = test.keep(c, rows, size);
  const scores = new Int32Array(size);
  pool.points(c, rows, size, scores);
  return { columns: c, rows, scores, size };
}

/**
 * The ids of the passing rows from `offset` to `offset + limit` in rankPool's order: best cheap
 * score first, then least recently used (never used first), then advocate id. One pass keeps the
 * best `offset + limit` in a heap whose root is the worst of them.
 */
export function rankScoredPool(pool: ScoredPool, offset: number, limit: number): string[] {
  const { columns: c, rows, scores } = pool;
  const keep = Math.min(offset + limit, pool.size);
  if (keep <= 0 || offset >= pool.size) return [];
  // Heap entries are positions in rows/scores.
  const heap = new Int32Array(keep);
  let size = 0;
  const before = (x: number, y: number): boolean => {
    const sx = scores[x]!;
    const sy = scores[y]!;
    if (sx !== sy) return sx > sy;
    const lx = c.lastUsed[rows[x]!]!;
    const ly = c.lastUsed[rows[y]!]!;
    if (lx !== ly) return lx < ly;
    return c.compareIds(rows[x]!, rows[y]!) < 0;
  };
  const swap = (a: number, b: number) => {
    const t = heap[a]!;
    heap[a] = heap[b]!;
    heap[b] = t;
  };
  const floor = scoreFloor(scores, pool.size, keep);
  for (let k = 0; k < pool.size; k++) {
    if (scores[k]! < floor) continue;
    if (size < keep) {
      heap[size] = k;
      for (let at = size++; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!before(heap[parent]!, heap[at]!)) break;
        swap(at, parent);
        at = parent;
      }
    } else if (before(k, heap[0]!)) {
      heap[0] = k;
      for (let at = 0; ; ) {
        const l = 2 * at + 1;
        const r = l + 1;
        let worst = at;
        if (l < size && before(heap[worst]!, heap[l]!)) worst = l;
        if (r < size && before(heap[worst]!, heap[r]!)) worst = r;
        if (worst === at) break;
        swap(at, worst);
        at = worst;
      }
    }
  }
  const order = Array.from(heap.subarray(0, size)).sort((x, y) => (before(x, y) ? -1 : 1));
  return order.slice(offset, offset + limit).map((k) => c.idOf(rows[k]!));
}

/** The lowest score among the best `keep` of the first `n` scores: no row below it can be one of them. */
function scoreFloor(scores: Int32Array, n: number, keep: number): number {
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < n; k++) {
    const s = scores[k]!;
    if (s < min) min = s;
    if (s > max) max = s;
  }
  if (n === 0 || max - min > 1 << 16) return -Infinity;
  const counts = new Int32Array(max - min + 1);
  for (let k = 0; k < n; k++) counts[scores[k]! - min]!++;
  let seen = 0;
  for (let s = max; s > min; s--) {
    seen += counts[s - min]!;
    if (seen >= keep) return s;
  }
  return min;
}
