import type { RowPoints, Term } from '../cheap-score.js';
import type { Condition, RowTest } from '../match-sql.js';
import type { MatchColumns } from './match-columns.js';

/** The hard-rule conditions and the cheap score as one row test and one row score. */
export interface InMemoryPool {
  test: RowTest;
  points: RowPoints;
}

/** The pool as tests over the in-memory copy, or null when some condition only SQL can answer. */
export function compilePool(conditions: readonly Condition[], score: Term): InMemoryPool | null {
  const tests = conditions.map((c) => c.test);
  if (score.points === null || tests.some((t) => t === null)) return null;
  const all = tests as RowTest[];
  return {
    test: (c, i) => {
      for (const t of all) if (!t(c, i)) return false;
      return true;
    },
    points: score.points,
  };
}

/** How many live rows pass, counting no further than `cap` (as countPool does in SQL). */
export function countInMemory(c: MatchColumns, pool: InMemoryPool, cap: number): number {
  let n = 0;
  for (let i = 0; i < c.size && n < cap; i++) if (c.live[i] && pool.test(c, i)) n++;
  return n;
}

/**
 * The ids of the passing rows from `offset` to `offset + limit` in rankPool's order: best cheap
 * score first, then least recently used (never used first), then advocate id. One pass keeps the
 * best `offset + limit` in a heap whose root is the worst of them.
 */
export function rankInMemory(c: MatchColumns, pool: InMemoryPool, offset: number, limit: number): string[] {
  const keep = offset + limit;
  if (keep <= 0) return [];
  const slots = new Int32Array(keep);
  const scores = new Int32Array(keep);
  let size = 0;
  // a ranks before b.
  const before = (sa: number, a: number, sb: number, b: number): boolean => {
    if (sa !== sb) return sa > sb;
    const la = c.lastUsed[a]!;
    const lb = c.lastUsed[b]!;
    if (la !== lb) return la < lb;
    return c.compareIds(a, b) < 0;
  };
  const siftDown = (from: number) => {
    for (let at = from; ; ) {
      const l = 2 * at + 1;
      const r = l + 1;
      let worst = at;
      if (l < size && before(scores[worst]!, slots[worst]!, scores[l]!, slots[l]!)) worst = l;
      if (r < size && before(scores[worst]!, slots[worst]!, scores[r]!, slots[r]!)) worst = r;
      if (worst === at) return;
      [slots[at], slots[worst]] = [slots[worst]!, slots[at]!];
      [scores[at], scores[worst]] = [scores[worst]!, scores[at]!];
      at = worst;
    }
  };
  const siftUp = (from: number) => {
    for (let at = from; at > 0; ) {
      const parent = (at - 1) >> 1;
      if (!before(scores[parent]!, slots[parent]!, scores[at]!, slots[at]!)) return;
      [slots[at], slots[parent]] = [slots[parent]!, slots[at]!];
      [scores[at], scores[parent]] = [scores[parent]!, scores[at]!];
      at = parent;
    }
  };
  for (let i = 0; i < c.size; i++) {
    if (!c.live[i] || !pool.test(c, i)) continue;
    const score = pool.points(c, i);
    if (size < keep) {
      slots[size] = i;
      scores[size] = score;
      siftUp(size++);
    } else if (before(score, i, scores[0]!, slots[0]!)) {
      slots[0] = i;
      scores[0] = score;
      siftDown(0);
    }
  }
  const order = Array.from({ length: size }, (_, k) => k).sort((x, y) => (before(scores[x]!, slots[x]!, scores[y]!, slots[y]!) ? -1 : 1));
  return order.slice(offset, offset + limit).map((k) => c.idOf(slots[k]!));
}
