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
  const scalarCount = SCALAR_FACETS.length;
  const facetCount = scalarCount + LIST_FACETS.length;
  // Flat arrays indexed by facet * VALUE_SPACE + value id: counts, and which ids each filter
  // accepts. Typed-array lookups keep the per-advocate loop free of hashing.
  const counts = new Uint32Array(facetCount * VALUE_SPACE);
  const accepts = new Uint8Array(facetCount * VALUE_SPACE);
  const filtered: number[] = [];
  [...SCALAR_FACETS, ...LIST_FACETS].forEach((facet, f) => {
    const accepted = filters[facet];
    if (!accepted) return;
    filtered.push(f);
    for (const id of accepted) if (id >= 0 && id < VALUE_SPACE) accepts[f * VALUE_SPACE + id] = 1;
  });
  // The value ids seen per facet, so reading the counts out does not walk every possible id.
  const seen = Array.from({ length: facetCount }, (): number[] => []);
  const bump = (f: number, value: number) => {
    const at = f * VALUE_SPACE + value;
    if (counts[at] === 0) seen[f]?.push(value);
    counts[at] = (counts[at] ?? 0) + 1;
  };
  const u16 = (at: number) => ((records[at] ?? 0) << 8) | (records[at + 1] ?? 0);
  const scalars = new Int32Array(scalarCount);
  const listStart = new Int32Array(LIST_FACETS.length);
  const listLength = new Int32Array(LIST_FACETS.length);
  const passes = (f: number): boolean => {
    if (f < scalarCount) return accepts[f * VALUE_SPACE + (scalars[f] ?? 0)] === 1;
    const l = f - scalarCount;
    const start = listStart[l] ?? 0;
    for (let i = 0; i < (listLength[l] ?? 0); i++) if (accepts[f * VALUE_SPACE + u16(start + 2 * i)] === 1) return true;
    return false;
  };
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
    scalars[3] = u16(p + 3);
    scalars[4] = scalars[3];
    scalars[5] = u16(p + 5);
    scalars[6] = u16(p + 7);
    scalars[7] = u16(p + 9);
    scalars[8] = companySizeId(((records[p + 11] ?? 0) << 24) | (u16(p + 12) << 8) | (records[p + 14] ?? 0), context.companySizeMins);
    const hi = ((records[p + 15] ?? 0) << 24) | (u16(p + 16) << 8) | (records[p + 18] ?? 0);
    const lo = (((records[p + 19] ?? 0) << 24) >>> 0) + (u16(p + 20) << 8) + (records[p + 22] ?? 0);
    scalars[9] = freshnessId(hi, lo, context);
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
    for (let i = 0; i < filtered.length && failures < 2; i++) {
      const f = filtered[i] ?? 0;
      if (!passes(f)) {
        failures++;
        failed = f;
      }
    }
    if (failures > 1) continue;
    if (failures === 0) {
      total++;
      if (withIds) passingIds.push(formatUuid(records, idStart));
    }
    for (let f = 0; f < facetCount; f++) {
      if (failures === 1 && failed !== f) continue;
      if (f < scalarCount) {
        const value = scalars[f] ?? 0;
        if (value !== 0) bump(f, value);
      } else {
        const l = f - scalarCount;
        const start = listStart[l] ?? 0;
        for (let i = 0; i < (listLength[l] ?? 0); i++) bump(f, u16(start + 2 * i));
      }
    }
  }
  const result = {} as Record<SearchFacet, Map<number, number>>;
  [...SCALAR_FACETS, ...LIST_FACETS].forEach((facet: ScalarFacet | ListFacet, f) => {
    result[facet] = new Map((seen[f] ?? []).map((id) => [id, counts[f * VALUE_SPACE + id] ?? 0]));
  });
  return { total, passingIds, counts: result };
}
