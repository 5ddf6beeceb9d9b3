import type { Term } from '../cheap-score.js';
import type { Condition } from '../match-sql.js';
import type { MatchColumns } from './match-columns.js';
import type { RowsPoints, RowsTest } from './row-tests.js';

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
  const rows = new Int32Array(c.liveCount);
  let size = 0;
  for (let i = 0; i < c.size; i++) if (c.live[i]) rows[size++] = i;
  const passed = new Uint8Array(size);
  for (const test of pool.tests) {
    test(c, rows, size, passed);
    let kept = 0;
    for (let k = 0; k < size; k++) if (passed[k]) rows[kept++] = rows[k]!;
    size = kept;
  }
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
  for (let k = 0; k < pool.size; k++) {
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
