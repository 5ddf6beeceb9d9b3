import { dayNumber } from '../../../domain/requests/caps.js';
import { compareUuids, readUuid, writeUuid } from './uuid-words.js';

/** Stands for SQL null in the integer columns (sorts before every real value). */
export const NULL_INT = -2147483648;

export const MASK_COLUMNS = ['topics', 'products', 'use_cases', 'languages', 'unwilling'] as const;
export type MaskColumn = (typeof MASK_COLUMNS)[number];

export const SMALL_COLUMNS = ['industry', 'sector', 'seniority', 'seniority_rank', 'function', 'orientation', 'size_bucket', 'country_code', 'subregion_code', 'region_code'] as const;
export type SmallColumn = (typeof SMALL_COLUMNS)[number];

/** One advocate_match row as the loader selects it (column aliases of ./load-match-rows.ts). */
export type MatchRow = {
  id: string;
  account: string;
  referenceable: boolean;
  /** NULL_INT when unknown. */
  employees: number;
  /** Days since 1970-01-01; NULL_INT when never used. */
  last_used: number;
  /** The datemultirange as PostgreSQL prints it, or null. */
  blackouts: string | null;
} & Record<SmallColumn, number> &
  /** Each mask as its low and high 32 bits. */
  Record<`${MaskColumn}_lo` | `${MaskColumn}_hi`, number>;

/** Bounds of an empty blackout span. */
const MAX_DAY = 2147483647;
const MIN_DAY = -2147483648;

const MASK_FIELDS = MASK_COLUMNS.map((c) => [c, `${c}_lo`, `${c}_hi`] as const);

/**
 * advocate_match held in memory as typed arrays, one slot per advocate ever seen: about 110 bytes
 * an advocate. A slot whose row left the table (a paused advocate, a deleted one) stays, marked
 * dead, and is reused if the advocate comes back. Slots are found by id through an open-addressing
 * hash over the id's first word (uuids are random).
 */
export class MatchColumns {
  size = 0;
  liveCount = 0;
  live = new Uint8Array(0);
  /** advocate and account ids, four words each. */
  ids = new Uint32Array(0);
  accounts = new Uint32Array(0);
  referenceable = new Uint8Array(0);
  employees = new Int32Array(0);
  lastUsed = new Int32Array(0);
  small = {} as Record<SmallColumn, Int16Array>;
  /** Low word at 2·slot, high word at 2·slot + 1. */
  masks = {} as Record<MaskColumn, Uint32Array>;
  /** Blackout periods as [first day, day after the last) pairs, for the few who have any. */
  blackouts = new Map<number, Int32Array>();
  /**
   * The first blackout day and the day after the last one (no blackouts: an empty span, MAX_DAY
   * and MIN_DAY), so rows whose periods all lie outside a range are passed without a map lookup.
   */
  blackoutFrom = new Int32Array(0);
  blackoutUntil = new Int32Array(0);
  private hash = new Int32Array(0);
  /** The live slots in order, kept until a slot comes to life or dies. */
  private liveList: Int32Array | null = null;
  private capacity = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected) capacity *= 2;
    this.grow(capacity);
  }

  private grow(capacity: number): void {
    const widen = <T extends Uint8Array | Int16Array | Int32Array | Uint32Array>(old: T, make: (n: number) => T, stride = 1): T => {
      const next = make(capacity * stride);
      next.set(old);
      return next;
    };
    this.live = widen(this.live, (n) => new Uint8Array(n));
    this.ids = widen(this.ids, (n) => new Uint32Array(n), 4);
    this.accounts = widen(this.accounts, (n) => new Uint32Array(n), 4);
    this.referenceable = widen(this.referenceable, (n) => new Uint8Array(n));
    this.blackoutFrom = widen(this.blackoutFrom, (n) => new Int32Array(n).fill(MAX_DAY));
    this.blackoutUntil = widen(this.blackoutUntil, (n) => new Int32Array(n).fill(MIN_DAY));
    this.employees = widen(this.employees, (n) => new Int32Array(n));
    this.lastUsed = widen(this.lastUsed, (n) => new Int32Array(n));
    for (const c of SMALL_COLUMNS) this.small[c] = widen(this.small[c] ?? new Int16Array(0), (n) => new Int16Array(n));
    for (const c of MASK_COLUMNS) this.masks[c] = widen(this.masks[c] ?? new Uint32Array(0), (n) => new Uint32Array(n), 2);
    this.capacity = capacity;
    this.hash = new Int32Array(capacity * 2);
    for (let slot = 0; slot < this.size; slot++) this.place(slot);
  }

  private place(slot: number): void {
    const mask = this.hash.length - 1;
    for (let h = (this.ids[slot * 4] ?? 0) & mask; ; h = (h + 1) & mask) {
      if (this.hash[h] === 0) {
        this.hash[h] = slot + 1;
        return;
      }
    }
  }

  /** The slot holding this id (as four words), or -1. */
  private find(words: Uint32Array): number {
    const mask = this.hash.length - 1;
    for (let h = (words[0] ?? 0) & mask; ; h = (h + 1) & mask) {
      const entry = this.hash[h] ?? 0;
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.ids[slot * 4] === words[0] && this.ids[slot * 4 + 1] === words[1] && this.ids[slot * 4 + 2] === words[2] && this.ids[slot * 4 + 3] === words[3]) return slot;
    }
  }

  private readonly probe = new Uint32Array(4);

  /** The row's slot, taken if the id is new. */
  private slotFor(id: string): number {
    writeUuid(id, this.probe, 0);
    const found = this.find(this.probe);
    if (found >= 0) return found;
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const slot = this.size++;
    this.ids.set(this.probe, slot * 4);
    this.place(slot);
    return slot;
  }

  /** Writes a row (new or changed). */
  put(row: MatchRow): void {
    const slot = this.slotFor(row.id);
    if (!this.live[slot]) {
      this.liveCount++;
      this.liveList = null;
    }
    this.live[slot] = 1;
    writeUuid(row.account, this.accounts, slot * 4);
    this.referenceable[slot] = row.referenceable ? 1 : 0;
    this.employees[slot] = row.employees;
    this.lastUsed[slot] = row.last_used;
    for (const c of SMALL_COLUMNS) this.small[c][slot] = row[c];
    for (const [c, low, high] of MASK_FIELDS) {
      this.masks[c][slot * 2] = row[low];
      this.masks[c][slot * 2 + 1] = row[high];
    }
    const periods = parseBlackouts(row.blackouts);
    if (periods) this.blackouts.set(slot, periods);
    else this.blackouts.delete(slot);
    let from = MAX_DAY;
    let until = MIN_DAY;
    for (let p = 0; periods && p < periods.length; p += 2) {
      from = Math.min(from, periods[p]!);
      until = Math.max(until, periods[p + 1]!);
    }
    this.blackoutFrom[slot] = from;
    this.blackoutUntil[slot] = until;
  }

  /** The advocate no longer has a row. */
  remove(id: string): void {
    writeUuid(id, this.probe, 0);
    const slot = this.find(this.probe);
    if (slot < 0 || !this.live[slot]) return;
    this.live[slot] = 0;
    this.liveCount--;
    this.liveList = null;
    this.blackouts.delete(slot);
    this.blackoutFrom[slot] = MAX_DAY;
    this.blackoutUntil[slot] = MIN_DAY;
  }

  /** The slots holding a row, in order (shared: copy before changing). */
  liveSlots(): Int32Array {
    if (!this.liveList) {
      const slots = new Int32Array(this.liveCount);
      let n = 0;
      for (let i = 0; i < this.size; i++) if (this.live[i]) slots[n++] = i;
      this.liveList = slots;
    }
    return this.liveList;
  }

  idOf(slot: number): string {
    return readUuid(this.ids, slot * 4);
  }

  compareIds(a: number, b: number): number {
    return compareUuids(this.ids, a * 4, b * 4);
  }

  /** Bit `bit` of a mask column. */
  bit(column: MaskColumn, slot: number, bit: number): number {
    const word = this.masks[column][slot * 2 + (bit >= 32 ? 1 : 0)] ?? 0;
    return (word >>> (bit & 31)) & 1;
  }
}

/** A datemultirange's text, {[2026-01-01,2026-01-06),[…)}, as day-number pairs; null when none. */
export function parseBlackouts(text: string | null): Int32Array | null {
  if (!text || text === '{}') return null;
  const days = [...text.matchAll(/\[(\d{4}-\d{2}-\d{2}),(\d{4}-\d{2}-\d{2})\)/g)].flatMap((m) => [dayNumber(m[1] ?? ''), dayNumber(m[2] ?? '')]);
  return days.length ? Int32Array.from(days) : null;
}
