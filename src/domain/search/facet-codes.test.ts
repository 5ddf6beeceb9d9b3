import { describe, expect, it } from 'vitest';
import { countFacetCodes, countryFromValueId, countryValueId, type FacetCountContext } from './facet-codes.js';
import { COMPANY_SIZE_MINS, FacetDictionary } from './facet-dictionary.js';

/** Builds one record exactly as migration 0007's vouch_search_codes lays it out. */
function record(r: {
  status: number;
  orientation?: number;
  referenceStatus?: number;
  country?: string;
  industry?: number;
  seniority?: number;
  fn?: number;
  employees?: number;
  verifiedMs?: number | null;
  lists?: number[][];
}): number[] {
  const bytes: number[] = [r.status, r.orientation ?? 0, r.referenceStatus ?? 0];
  const country = r.country ?? '';
  bytes.push(country ? country.charCodeAt(0) : 0, country ? country.charCodeAt(1) : 0);
  for (const code of [r.industry ?? 0, r.seniority ?? 0, r.fn ?? 0]) bytes.push(code >> 8, code & 0xff);
  const view = new DataView(new ArrayBuffer(12));
  view.setInt32(0, r.employees ?? -1);
  view.setBigInt64(4, r.verifiedMs === null || r.verifiedMs === undefined ? -(2n ** 63n) : BigInt(r.verifiedMs));
  bytes.push(...new Uint8Array(view.buffer));
  const lists = r.lists ?? [[], [], [], [], []];
  for (const list of lists) {
    bytes.push(list.length);
    for (const code of list) bytes.push(code >> 8, code & 0xff);
  }
  return bytes;
}

const now = Date.UTC(2026, 10, 23);
const context: FacetCountContext = { companySizeMins: COMPANY_SIZE_MINS, freshFromMs: now - 300 * 86_400_000, staleToMs: now - 365 * 86_400_000 };
const dictionary = new FacetDictionary([
  { code: 1, facet: 'industry', key: 'financial_services', parentKey: null },
  { code: 2, facet: 'industry', key: 'banking', parentKey: 'financial_services' },
  { code: 3, facet: 'topic', key: 'security', parentKey: null },
  { code: 4, facet: 'topic', key: 'migration', parentKey: null },
  { code: 300, facet: 'activity_type', key: 'reference_call', parentKey: null },
]);

describe('countFacetCodes', () => {
  const records = Uint8Array.from([
    // active, technical, referenceable, DE, banking, 20k employees, verified recently, topics security+migration, willing reference call
    ...record({ status: 4, orientation: 1, referenceStatus: 1, country: 'DE', industry: 2, employees: 20_000, verifiedMs: now - 86_400_000, lists: [[3, 4], [], [], [], [300]] }),
    // active, business, US, no industry, never verified, topic security
    ...record({ status: 4, orientation: 2, referenceStatus: 2, country: 'US', verifiedMs: null, lists: [[3], [], [], [], []] }),
    // paused, no country, stale, 50 employees
    ...record({ status: 5, employees: 50, verifiedMs: now - 400 * 86_400_000 }),
  ]);

  it('decodes every field and counts each facet', () => {
    const { total, counts } = countFacetCodes(records, {}, context);
    expect(total).toBe(3);
    expect(Object.fromEntries(counts.status)).toEqual({ 4: 2, 5: 1 });
    expect(Object.fromEntries(counts.country)).toEqual({ [countryValueId('DE')]: 1, [countryValueId('US')]: 1 });
    expect(Object.fromEntries(counts.topic)).toEqual({ 3: 2, 4: 1 });
    expect(Object.fromEntries(counts.activityType)).toEqual({ 300: 1 });
    expect(Object.fromEntries(counts.freshness)).toEqual({ 1: 1, 3: 1, 4: 1 });
    expect(Object.fromEntries(counts.companySize)).toEqual({ 1: 1, 6: 1 });
  });

  it('counts a facet over the advocates that pass every other filter', () => {
    const filters = dictionary.compileFilters({ topic: ['migration'] }, { status: ['active'] });
    const { total, counts } = countFacetCodes(records, filters, context);
    expect(total).toBe(1);
    // Topic counts ignore the topic filter but keep the status one.
    expect(Object.fromEntries(counts.topic)).toEqual({ 3: 2, 4: 1 });
    // Status counts ignore the status filter but keep the topic one.
    expect(Object.fromEntries(counts.status)).toEqual({ 4: 1 });
  });

  it('matches a sector through its industries and drops unknown keys', () => {
    const sector = countFacetCodes(records, dictionary.compileFilters({ industry: ['financial_services'] }, {}), context);
    expect(sector.total).toBe(1);
    const unknown = countFacetCodes(records, dictionary.compileFilters({ topic: ['no_such_topic'] }, {}), context);
    expect(unknown.total).toBe(0);
  });

  it('refuses truncated records instead of counting garbage', () => {
    expect(() => countFacetCodes(records.slice(0, records.length - 1), {}, context)).toThrow(/truncated/);
  });
});

describe('FacetDictionary', () => {
  it('translates keys and value ids both ways', () => {
    expect(dictionary.idOf('topic', 'security')).toBe(3);
    expect(dictionary.keyOf('activityType', 300)).toBe('reference_call');
    expect(dictionary.keyOf('status', 4)).toBe('active');
    expect(dictionary.idOf('companySize', 'employees_10000')).toBe(6);
    expect(countryFromValueId(countryValueId('GB'))).toBe('GB');
    expect(countryValueId('not a country')).toBe(0);
    expect(dictionary.keyOf('topic', 999)).toBeNull();
  });
});
