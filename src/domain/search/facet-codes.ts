import { ADVOCATE_STATUSES } from '../advocate-lifecycle.js';
import type { SearchFacet } from './advocate-filters.js';

/**
 * Facet counting over the binary facet records of advocate_search.facet_codes (the layout is
 * documented in migration 0007; keep the two in step). The database concatenates the records
 * of every advocate in scope and this module counts each facet over the advocates that pass
 * every filter but that facet's own, so choosing a value still shows its alternatives' counts.
 * Every value is a small integer ("value id"): a taxonomy code, a 1-based position in a fixed
 * list, or the two ASCII bytes of a country code.
 */

export const STATUS_VALUES = ADVOCATE_STATUSES;
export const ORIENTATION_VALUES = ['technical', 'business'] as const;
export const REFERENCE_STATUS_VALUES = ['referenceable', 'restricted', 'not_referenceable'] as const;
export const FRESHNESS_VALUES = ['fresh', 'due', 'stale', 'never_verified'] as const;

/** Facets holding one value per advocate, in the order of `scalars` below. */
const SCALAR_FACETS = ['status', 'orientation', 'referenceStatus', 'country', 'region', 'industry', 'seniority', 'function', 'companySize', 'freshness'] as const;
/** Facets holding a list per advocate, in the order the record stores them. */
const LIST_FACETS = ['topic', 'useCase', 'product', 'language', 'activityType'] as const;
type ScalarFacet = (typeof SCALAR_FACETS)[number];
type ListFacet = (typeof LIST_FACETS)[number];

const HEADER_BYTES = 23;
/** Value ids are below 2^16 (taxonomy codes are smallint; countries are two bytes). */
const VALUE_SPACE = 65_536;

export interface FacetCountContext {
  /** Employee-count band lower bounds, ascending; the value id of a band is its index + 1. */
  companySizeMins: readonly number[];
  /** Verified at or after this instant (epoch ms): fresh. */
  freshFromMs: number;
  /** Verified at or before this instant (epoch ms): stale. */
  staleToMs: number;
}

/** Accepted value ids per filtered facet (an absent facet is not filtered). */
export type FacetCodeFilters = Partial<Record<SearchFacet, ReadonlySet<number>>>;

export interface FacetCodeCounts {
  total: number;
  /** With `withIds`: the advocates that pass every filter, in record order. */
  passingIds: string[];
  /** value id → number of advocates, per facet. */
  counts: Record<SearchFacet, Map<number, number>>;
}

export function countryValueId(code: string): number {
  return /^[A-Z]{2}$/.test(code) ? (code.charCodeAt(0) << 8) | code.charCodeAt(1) : 0;
}

export function countryFromValueId(id: number): string | null {
  return id === 0 ? null : String.fromCharCode(id >> 8, id & 0xff);
}

function companySizeId(employees: number, mins: readonly number[]): number {
  if (employees < 0) return 0;
  let band = 0;
  for (let i = 0; i < mins.length; i++) if (employees >= (mins[i] ?? Infinity)) band = i + 1;
  return band;
}

function freshnessId(hi: number, lo: number, context: FacetCountContext): number {
  if (hi === -2_147_483_648 && lo === 0) return 4; // never verified
  const ms = hi * 4_294_967_296 + lo;
  if (ms >= context.freshFromMs) return 1;
  if (ms <= context.staleToMs) return 3;
  return 2;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function formatUuid(records: Uint8Array, start: number): string {
  let hex = '';
  for (let i = start; i < start + 16; i++) hex += HEX[records[i] ?? 0];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Counts every facet over the concatenated records, honouring the filters. With `withIds`,
 * each record is preceded by its advocate's 16-byte id, and the ids that pass are returned.
 */
export function countFacetCodes(records: Uint8Array, filters: FacetCodeFilters, context: FacetCountContext, withIds = false): FacetCodeCounts {
  const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
  // One flat array per facet: counts indexed by value id (cheaper than maps in the hot loop).
  const scalarCounts = SCALAR_FACETS.map(() => new Uint32Array(VALUE_SPACE));
  const listCounts = LIST_FACETS.map(() => new Uint32Array(VALUE_SPACE));
  // The value ids seen per facet, so reading the counts out does not walk every possible id.
  const scalarSeen = SCALAR_FACETS.map((): number[] => []);
  const listSeen = LIST_FACETS.map((): number[] => []);
  const scalarFilters = SCALAR_FACETS.map((facet) => filters[facet] ?? null);
  const listFilters = LIST_FACETS.map((facet) => filters[facet] ?? null);
  const scalars = new Int32Array(SCALAR_FACETS.length);
  const listStart = new Int32Array(LIST_FACETS.length);
  const listLength = new Int32Array(LIST_FACETS.length);
  const passingIds: string[] = [];
  const idBytes = withIds ? 16 : 0;
  let total = 0;
  let p = 0;
  while (p + idBytes + HEADER_BYTES <= records.length) {
    const idStart = p;
    p += idBytes;
    scalars[0] = records[p] ?? 0;
    scalars[1] = records[p + 1] ?? 0;
    scalars[2] = records[p + 2] ?? 0;
    scalars[3] = view.getUint16(p + 3);
    scalars[4] = scalars[3];
    scalars[5] = view.getUint16(p + 5);
    scalars[6] = view.getUint16(p + 7);
    scalars[7] = view.getUint16(p + 9);
    scalars[8] = companySizeId(view.getInt32(p + 11), context.companySizeMins);
    scalars[9] = freshnessId(view.getInt32(p + 15), view.getUint32(p + 19), context);
    p += HEADER_BYTES;
    for (let l = 0; l < LIST_FACETS.length; l++) {
      const n = records[p] ?? 0;
      listStart[l] = p + 1;
      listLength[l] = n;
      p += 1 + 2 * n;
    }
    if (p > records.length) throw new Error('facet records are truncated');

    // Which filters does this advocate fail? Only 0 or 1 failures matter for counting.
    let failures = 0;
    let failed = -1;
    for (let s = 0; s < scalarFilters.length && failures < 2; s++) {
      const accepted = scalarFilters[s];
      if (accepted && !accepted.has(scalars[s] ?? 0)) {
        failures++;
        failed = s;
      }
    }
    for (let l = 0; l < listFilters.length && failures < 2; l++) {
      const accepted = listFilters[l];
      if (!accepted) continue;
      let hit = false;
      for (let i = 0; i < (listLength[l] ?? 0) && !hit; i++) hit = accepted.has(view.getUint16((listStart[l] ?? 0) + 2 * i));
      if (!hit) {
        failures++;
        failed = SCALAR_FACETS.length + l;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) {
      total++;
      if (withIds) passingIds.push(formatUuid(records, idStart));
    }
    for (let s = 0; s < SCALAR_FACETS.length; s++) {
      if (failures === 1 && failed !== s) continue;
      const counts = scalarCounts[s];
      const value = scalars[s] ?? 0;
      if (!counts || value === 0) continue;
      if (counts[value] === 0) scalarSeen[s]?.push(value);
      counts[value] = (counts[value] ?? 0) + 1;
    }
    for (let l = 0; l < LIST_FACETS.length; l++) {
      if (failures === 1 && failed !== SCALAR_FACETS.length + l) continue;
      const counts = listCounts[l];
      if (!counts) continue;
      for (let i = 0; i < (listLength[l] ?? 0); i++) {
        const value = view.getUint16((listStart[l] ?? 0) + 2 * i);
        if (counts[value] === 0) listSeen[l]?.push(value);
        counts[value] = (counts[value] ?? 0) + 1;
      }
    }
  }
  const counts = {} as Record<SearchFacet, Map<number, number>>;
  const toMap = (array: Uint32Array | undefined, seen: number[] | undefined) => new Map((seen ?? []).map((id) => [id, array?.[id] ?? 0]));
  SCALAR_FACETS.forEach((facet: ScalarFacet, i) => (counts[facet] = toMap(scalarCounts[i], scalarSeen[i])));
  LIST_FACETS.forEach((facet: ListFacet, i) => (counts[facet] = toMap(listCounts[i], listSeen[i])));
  return { total, passingIds, counts };
}
