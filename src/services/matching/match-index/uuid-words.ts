/**
 * UUIDs as four unsigned 32-bit words, big-endian: 16 bytes in a typed array instead of a
 * 36-character string, compared in the order PostgreSQL sorts uuid (byte by byte).
 */
export function writeUuid(text: string, into: Uint32Array, at: number): void {
  const hex = text.length === 36 ? text.slice(0, 8) + text.slice(9, 13) + text.slice(14, 18) + text.slice(19, 23) + text.slice(24) : text;
  for (let w = 0; w < 4; w++) into[at + w] = Number.parseInt(hex.slice(w * 8, w * 8 + 8), 16) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

export function readUuid(from: Uint32Array, at: number): string {
  let hex = '';
  for (let w = 0; w < 4; w++) {
    const word = from[at + w] ?? 0;
    hex += HEX[word >>> 24]! + HEX[(word >>> 16) & 255]! + HEX[(word >>> 8) & 255]! + HEX[word & 255]!;
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Negative, zero or positive as the uuid at `a` sorts before, with or after the one at `b`. */
export function compareUuids(words: Uint32Array, a: number, b: number): number {
  for (let w = 0; w < 4; w++) {
    const x = words[a + w] ?? 0;
    const y = words[b + w] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** A set of uuids to test typed-array entries against (competitors, advocates to leave out). */
export class UuidSet {
  private readonly keys: Set<string>;
  /** The first words alone: most entries are ruled out without building a key. */
  private readonly firstWords = new Set<number>();

  constructor(values: readonly string[]) {
    const words = new Uint32Array(4);
    this.keys = new Set(
      values.map((v) => {
        writeUuid(v.toLowerCase(), words, 0);
        this.firstWords.add(words[0] ?? 0);
        return `${words[0]},${words[1]},${words[2]},${words[3]}`;
      }),
    );
  }

  get size(): number {
    return this.keys.size;
  }

  has(words: Uint32Array, at: number): boolean {
    if (!this.firstWords.has(words[at] ?? 0)) return false;
    return this.keys.has(`${words[at]},${words[at + 1]},${words[at + 2]},${words[at + 3]}`);
  }
}
