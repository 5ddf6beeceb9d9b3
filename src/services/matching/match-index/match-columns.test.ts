import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MASK_COLUMNS, MatchColumns, NULL_INT, SMALL_COLUMNS, parseBlackouts, type MatchRow } from './match-columns.js';
import { rankScoredPool, scorePool } from './rank-in-memory.js';
import { maskAny, smallIn } from './row-tests.js';
import { UuidSet, readUuid, writeUuid } from './uuid-words.js';

function row(id: string, over: Partial<MatchRow> = {}): MatchRow {
  const small = Object.fromEntries(SMALL_COLUMNS.map((c) => [c, 0])) as Record<(typeof SMALL_COLUMNS)[number], number>;
  const masks = Object.fromEntries(MASK_COLUMNS.flatMap((c) => [[`${c}_lo`, 0], [`${c}_hi`, 0]]));
  return { id, account: randomUUID(), referenceable: true, employees: NULL_INT, last_used: NULL_INT, blackouts: null, ...small, ...masks, ...over } as MatchRow;
}

const slotOf = (c: MatchColumns, id: string) => Array.from({ length: c.size }, (_, i) => i).find((i) => c.idOf(i) === id) ?? -1;

describe('MatchColumns', () => {
  it('keeps every row through growth, changes and removals, reusing an advocate’s slot', () => {
    const c = new MatchColumns(16);
    const ids = Array.from({ length: 5_000 }, () => randomUUID());
    ids.forEach((id, n) => c.put(row(id, { industry: n % 300, employees: n })));
    expect(c.liveCount).toBe(5_000);
    for (const n of [0, 17, 4_999]) expect(c.employees[slotOf(c, ids[n]!)]).toBe(n);
    c.remove(ids[17]!);
    c.remove(ids[17]!);
    c.remove(randomUUID());
    expect(c.liveCount).toBe(4_999);
    expect(c.live[slotOf(c, ids[17]!)]).toBe(0);
    c.put(row(ids[17]!, { employees: 99, blackouts: '{[2031-01-01,2031-01-08)}' }));
    expect(c.size).toBe(5_000);
    expect(c.liveCount).toBe(5_000);
    const slot = slotOf(c, ids[17]!);
    expect(c.employees[slot]).toBe(99);
    expect([...(c.blackouts.get(slot) ?? [])]).toEqual([Date.UTC(2031, 0, 1) / 86_400_000, Date.UTC(2031, 0, 8) / 86_400_000]);
    c.put(row(ids[17]!));
    expect(c.blackouts.has(slot)).toBe(false);
  });

  it('reads mask bits from both halves', () => {
    const c = new MatchColumns();
    c.put(row(randomUUID(), { topics_lo: 0b101, topics_hi: 1 << 30 }));
    expect([0, 1, 2, 62].map((b) => c.bit('topics', 0, b))).toEqual([1, 0, 1, 1]);
    const shares = (low: number, high: number) => {
      const out = new Uint8Array(1);
      maskAny('topics', [low, high]).mark(c, c.liveSlots(), 1, out);
      return out[0] === 1;
    };
    expect(shares(0b010, 0)).toBe(false);
    expect(shares(0, 1 << 30)).toBe(true);
  });

  it('parses blackout periods as PostgreSQL prints them', () => {
    expect(parseBlackouts(null)).toBeNull();
    expect(parseBlackouts('{}')).toBeNull();
    expect(parseBlackouts('{[1970-01-02,1970-01-04),[1970-02-01,1970-02-02)}')).toEqual(Int32Array.from([1, 3, 31, 32]));
  });
});

describe('uuid words', () => {
  it('round-trip, sort as PostgreSQL sorts uuids, and find set members', () => {
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const words = new Uint32Array(ids.length * 4);
    ids.forEach((id, i) => writeUuid(id, words, i * 4));
    expect(ids.map((_, i) => readUuid(words, i * 4))).toEqual(ids);
    const set = new UuidSet(ids.slice(0, 3).map((id) => id.toUpperCase()));
    expect(ids.map((_, i) => set.has(words, i * 4))).toEqual(ids.map((_, i) => i < 3));
  });
});

describe('scorePool and rankScoredPool', () => {
  it('orders by score, then least recently used (never used first), then id, at any offset', () => {
    const c = new MatchColumns();
    const rows = Array.from({ length: 3_000 }, (_, n) => row(randomUUID(), { industry: n % 7, function: n % 13 === 0 ? 4 : 0, last_used: n % 5 === 0 ? NULL_INT : n % 11 }));
    for (const r of rows) c.put(r);
    c.remove(rows[3]!.id);
    const pool = scorePool(c, {
      tests: [smallIn('function', [0])],
      points: (cols, list, n, out) => {
        for (let k = 0; k < n; k++) out[k] = cols.small.industry[list[k]!]! * 10;
      },
    });
    const expected = rows
      .filter((r) => r.id !== rows[3]!.id && r.function === 0)
      .sort((a, b) => b.industry - a.industry || a.last_used - b.last_used || (a.id < b.id ? -1 : 1))
      .map((r) => r.id);
    expect(pool.size).toBe(expected.length);
    expect(expected.length).toBe(2_999 - Math.ceil(3_000 / 13));
    expect(rankScoredPool(pool, 0, 50)).toEqual(expected.slice(0, 50));
    expect(rankScoredPool(pool, 480, 480)).toEqual(expected.slice(480, 960));
    expect(rankScoredPool(pool, 0, 10_000)).toEqual(expected);
    expect(rankScoredPool(pool, 3_000, 10)).toEqual([]);
  });
});
