import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTable, murmur3 } from './key-table.js';

describe('KeyTable', () => {
  it('behaves like a Map<string, number> over any sequence of sets and gets', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 1_000_000 })), { maxLength: 400 }), (ops) => {
        const table = new KeyTable(16);
        const reference = new Map<string, number>();
        for (const [key, row] of ops) {
          expect(table.get(key)).toBe(reference.get(key));
          table.set(key, row);
          reference.set(key, row);
        }
        expect(table.size).toBe(reference.size);
        for (const [key, row] of reference) expect(table.get(key)).toBe(row);
      }),
    );
  });

  it('keeps 400k keys apart and finds each again after growing', () => {
    const table = new KeyTable();
    for (let i = 1; i <= 400_000; i++) table.set(`email:person${i}@bench${i % 40_000}.example`, i);
    expect(table.size).toBe(400_000);
    for (let i = 1; i <= 400_000; i += 997) expect(table.get(`email:person${i}@bench${i % 40_000}.example`)).toBe(i);
    expect(table.get('email:nobody@bench.example')).toBeUndefined();
  });

  it('is MurmurHash3 x86/32 over the UTF-16LE bytes (published test vectors)', () => {
    expect(murmur3('', 0) >>> 0).toBe(0);
    expect(murmur3('', 1) >>> 0).toBe(0x514e28b7);
    expect(murmur3('', 0xffffffff) >>> 0).toBe(0x81f16f39);
    // The bytes 21 43 65 87 are the UTF-16 code units 0x4321 0x8765.
    expect(murmur3('\u4321\u8765', 0) >>> 0).toBe(0xf55b516b);
    expect(murmur3('\u4321\u8765', 0x5082edee) >>> 0).toBe(0x2362f9de);
  });

  it('refuses row numbers it cannot store', () => {
    expect(() => new KeyTable().set('x', 0)).toThrow(RangeError);
  });
});
