import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_COLUMNS, MatchColumns, NULL_INT, SMALL_COLUMNS, type MatchRow } from './match-columns.js';
import { bitPoints, casePoints, maskPoints, nearSizePoints, sumPoints, type RowsPoints } from './row-points.js';
import * as t from './row-tests.js';
import { UuidSet } from './uuid-words.js';

const DAY = 20_000;

/** A copy of `count` rows whose columns take few values, so every test both holds and fails. */
function columnsOf(seed: number, count: number): { c: MatchColumns; rows: MatchRow[] } {
  let state = seed >>> 0 || 1;
  const next = (n: number) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % n;
  };
  const small = () => Object.fromEntries(SMALL_COLUMNS.map((col) => [col, next(5) - 1])) as Record<(typeof SMALL_COLUMNS)[number], number>;
  const masks = () => Object.fromEntries(MASK_COLUMNS.flatMap((col) => [[`${col}_lo`, next(8)], [`${col}_hi`, next(4) << 30]]));
  const rows = Array.from({ length: count }, (): MatchRow => {
    const start = DAY + next(40);
    return {
      id: randomUUID(),
      account: randomUUID(),
      referenceable: next(4) > 0,
      employees: next(5) === 0 ? NULL_INT : next(3) * 1_000,
      last_used: NULL_INT,
      blackouts: next(3) === 0 ? `{[${iso(start)},${iso(start + 1 + next(10))})}` : null,
      ...small(),
      ...masks(),
    } as MatchRow;
  });
  const c = new MatchColumns();
  for (const row of rows) c.put(row);
  c.remove(rows[1]!.id);
  return { c, rows };
}

const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** What `mark` says of every live slot, as the list `keep` must leave. */
function marked(test: t.RowsTest, c: MatchColumns): number[] {
  const slots = c.liveSlots();
  const out = new Uint8Array(slots.length);
  test.mark(c, slots.slice(), slots.length, out);
  return [...slots].filter((_, k) => out[k] === 1);
}

function kept(test: t.RowsTest, c: MatchColumns): number[] {
  const rows = c.liveSlots().slice();
  return [...rows.subarray(0, test.keep(c, rows, rows.length))];
}

function pointsOf(points: RowsPoints, c: MatchColumns): number[] {
  const slots = c.liveSlots();
  const out = new Int32Array(slots.length).fill(7);
  points(c, slots, slots.length, out);
  return [...out].map((p) => p - 7);
}

describe('row tests', () => {
  it('keep leaves exactly the rows mark marks, in order, for every kind of test', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { c, rows } = columnsOf(seed, 300);
        const tests: t.RowsTest[] = [
          t.always,
          t.never,
          t.smallIn('industry', [2]),
          t.smallIn('sector', [0, 3, -1]),
          t.maskAny('topics', [0b101, 0]),
          t.maskAny('unwilling', [0, 1 << 30], true),
          t.referenceable,
          t.employeesIn([{ min: 0, max: 1_000 }, { min: 2_000, max: null }]),
          t.freeBetween(DAY + 10, DAY + 20),
          t.uuidNotIn('accounts', new UuidSet(rows.slice(0, 50).map((r) => r.account))),
          t.anyOf([t.smallIn('country_code', [1]), t.allOf([t.smallIn('region_code', [2]), t.referenceable])]),
          t.allOf([t.maskAny('products', [0b10, 0]), t.smallIn('function', [0, 1])]),
        ];
        for (const test of tests) expect(kept(test, c)).toEqual(marked(test, c));
        expect(marked(t.never, c)).toEqual([]);
        expect(marked(t.always, c)).toHaveLength(299);
      }),
      { numRuns: 25 },
    );
  });
  it('freeBetween passes exactly the rows without a blackout day in the range, whatever the order of their periods', () => {
    const period = fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 10 }));
    fc.assert(
      fc.property(fc.array(fc.array(period, { maxLength: 3 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: -5, max: 75 }), fc.integer({ min: 0, max: 15 }), (perRow, first, length) => {
        const { c, rows } = columnsOf(1, perRow.length);
        perRow.forEach((periods, k) => {
          const text = periods.length ? `{${periods.map(([start, days]) => `[${iso(DAY + start)},${iso(DAY + start + days)})`).join(',')}}` : null;
          c.put({ ...rows[k]!, blackouts: text });
        });
        const last = first + length;
        const free = (k: number) => perRow[k]!.every(([start, days]) => DAY + start > DAY + last || DAY + start + days <= DAY + first);
        const slots = [...c.liveSlots()];
        const expected = slots.filter((slot) => free(rows.findIndex((r) => c.idOf(slot) === r.id)));
        expect(kept(t.freeBetween(DAY + first, DAY + last), c)).toEqual(expected);
        expect(marked(t.freeBetween(DAY + first, DAY + last), c)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('row points', () => {
  it('a case of column values scores each row by its first branch that holds, through lookup tables or marks alike', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.tuple(fc.constantFrom('industry', 'sector', 'country_code', 'region_code'), fc.integer({ min: -1, max: 4 }), fc.integer({ min: 1, max: 50 })), { minLength: 1, maxLength: 6 }), (seed, spec) => {
        const { c } = columnsOf(seed, 200);
        const branches = spec.map(([column, value, then]) => ({ when: t.smallIn(column, [value]), then }));
        // With a mask condition in it, the same case can only be scored through marks.
        const viaMarks = [...branches, { when: t.maskAny('languages', [1 << 20, 0]), then: 1 }];
        const slots = c.liveSlots();
        const expected = [...slots].map((slot) => spec.find(([column, value]) => c.small[column][slot] === value)?.[2] ?? 0);
        expect(pointsOf(casePoints(branches), c)).toEqual(expected);
        expect(pointsOf(casePoints(viaMarks), c)).toEqual(expected);
        // An `otherwise` scores the rows no branch holds for.
        const near = nearSizePoints(2, 30, 10);
        const withNear = [...slots].map((slot, k) => (spec.some(([col, v]) => c.small[col][slot] === v) ? expected[k] : Math.max(0, 30 - Math.abs(c.small.size_bucket[slot]! - 2) * 10)));
        expect(pointsOf(casePoints(branches, near), c)).toEqual(withNear);
      }),
      { numRuns: 40 },
    );
  });

  it('counts mask bits once per wanted bit, and sums terms', () => {
    const { c } = columnsOf(3, 200);
    const slots = [...c.liveSlots()];
    const bitsOf = (slot: number) => [0, 1, 2, 62].map((b) => c.bit('topics', slot, b));
    expect(pointsOf(maskPoints('topics', [0b111, 1 << 30], 5), c)).toEqual(slots.map((slot) => bitsOf(slot).reduce((s, b) => s + b, 0) * 5));
    const sum = sumPoints([bitPoints('topics', 0, 3), bitPoints('topics', 62, 4)]);
    expect(pointsOf(sum, c)).toEqual(slots.map((slot) => bitsOf(slot)[0]! * 3 + bitsOf(slot)[3]! * 4));
  });
});
