import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/rows.js';
import { advocateFreshness } from '../../domain/advocate-freshness.js';
import { SEARCH_FACETS, type AdvocateFilters, type SearchFacet } from '../../domain/search/advocate-filters.js';
import { countryFacts } from '../../domain/taxonomy/geography.js';
import { bandFor, COMPANY_SIZE_BANDS } from '../../domain/taxonomy/program-facets.js';
import { generateProgram, type GeneratedAccount, type GeneratedAdvocate } from '../../seed/generate-program.js';
import { insertProgram } from '../../seed/insert-program.js';
import { createTestApp, type TestApp } from '../../../test/helpers/app.js';
import { toPrefixTsQuery } from '../../domain/search/text-query.js';
import { searchAdvocates } from './search-advocates.js';

let t: TestApp;
let program: ReturnType<typeof generateProgram>;
let accountsById: Map<string, GeneratedAccount>;
let sectorOf: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  program = generateProgram({ seed: 11, accounts: 80, ownerUserIds: [], now: t.clock.now() });
  await insertProgram(t.deps.db, program);
  accountsById = new Map(program.accounts.map((a) => [a.id, a]));
  const industries = await queryRows<{ key: string; parent_key: string }>(t.deps.db, sql`select key, parent_key from taxonomy_values where facet = 'industry' and parent_key is not null`);
  sectorOf = new Map(industries.map((r) => [r.key, r.parent_key]));
});
afterAll(() => t.close());

/** Each facet's values for one advocate, computed independently of the database. */
function valuesOf(advocate: GeneratedAdvocate, facet: SearchFacet): string[] {
  const account = accountsById.get(advocate.accountId);
  const one = (value: string | null | undefined) => (value ? [value] : []);
  switch (facet) {
    case 'industry':
      return one(account?.industryKey);
    case 'country':
      return one(advocate.country);
    case 'region':
      return one(countryFacts(advocate.country)?.region);
    case 'companySize':
      return one(bandFor(COMPANY_SIZE_BANDS, 'employees', account?.employeeCount));
    case 'seniority':
      return one(advocate.seniorityKey);
    case 'function':
      return one(advocate.functionKey);
    case 'orientation':
      return one(advocate.orientation);
    case 'topic':
      return advocate.topicKeys;
    case 'useCase':
      return advocate.useCaseKeys;
    case 'product':
      return advocate.productKeys;
    case 'language':
      return advocate.languageKeys;
    case 'activityType':
      return Object.entries(advocate.willingness).flatMap(([key, value]) => (value === 'yes' ? [key] : []));
    case 'status':
      return [advocate.status];
    case 'freshness':
      return [advocateFreshness(advocate.lastVerifiedAt ? new Date(advocate.lastVerifiedAt) : null, t.clock.now(), t.deps.config.staleAfterMonths)];
    case 'referenceStatus':
      return one(account?.referenceStatus);
  }
}

function passes(advocate: GeneratedAdvocate, filters: AdvocateFilters, except?: SearchFacet): boolean {
  const chosen = { status: ['active'], ...filters } as Partial<Record<SearchFacet, string[]>>;
  return Object.entries(chosen).every(([facet, keys]) => {
    if (facet === except || !keys?.length) return true;
    const values = valuesOf(advocate, facet as SearchFacet);
    if (facet === 'industry') return values.some((v) => keys.includes(v) || keys.includes(sectorOf.get(v) ?? ''));
    return values.some((v) => keys.includes(v));
  });
}

function expectedCounts(filters: AdvocateFilters, facet: SearchFacet): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const advocate of program.advocates.filter((a) => passes(a, filters, facet))) {
    for (const value of valuesOf(advocate, facet)) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

/** Filters drawn from values the program really has, plus the odd unknown key. */
const filterArbitrary = (): fc.Arbitrary<AdvocateFilters> => {
  const valuesFor = (facet: SearchFacet) => [...new Set(program.advocates.flatMap((a) => valuesOf(a, facet))), 'no_such_key'];
  const facets: SearchFacet[] = ['industry', 'country', 'region', 'companySize', 'seniority', 'topic', 'language', 'activityType', 'status', 'freshness', 'referenceStatus', 'orientation'];
  return fc.subarray(facets, { minLength: 0, maxLength: 4 }).chain((chosen) => {
    const parts: Partial<Record<SearchFacet, fc.Arbitrary<string[]>>> = {};
    for (const facet of chosen) parts[facet] = fc.subarray(facet === 'industry' ? [...valuesFor(facet), 'financial_services'] : valuesFor(facet), { minLength: 1, maxLength: 3 });
    return fc.record(parts);
  });
};

describe('facet counts from the facet records', () => {
  it('match a count done from scratch, for every facet and any filters', async () => {
    await fc.assert(
      fc.asyncProperty(filterArbitrary(), async (filters) => {
        const result = await searchAdvocates(t.deps, { filters, sort: 'name', limit: 500 });
        expect(result.total).toBe(program.advocates.filter((a) => passes(a, filters)).length);
        expect(new Set(result.hits.map((h) => h.advocate.id))).toEqual(new Set(program.advocates.filter((a) => passes(a, filters)).map((a) => a.id)));
        for (const facet of SEARCH_FACETS) {
          const actual = Object.fromEntries(result.facets[facet].map((c) => [c.key, c.count]));
          expect(actual, facet).toEqual(expectedCounts(filters, facet));
        }
      }),
      { numRuns: 25, seed: 20261123 },
    );
  });

  it('find by text exactly the advocates whose full-text vector matches the prefix query', async () => {
    const someone = program.advocates[5]!;
    const queries = ['implementation', 'secur', 'cloud migr', someone.lastName.slice(0, 3), `${someone.firstName} ${someone.lastName}`, 'the', 'zzqxj'];
    for (const q of queries) {
      const result = await searchAdvocates(t.deps, { q, filters: { status: ['active', 'paused', 'retired', 'nominated', 'in_review', 'interviewed', 'left_company'] }, sort: 'relevance', limit: 500 });
      const tsQuery = toPrefixTsQuery(q);
      const expected = await queryRows<{ id: string }>(t.deps.db, sql`select advocate_id as id from advocate_search where search_vector @@ to_tsquery('english', ${tsQuery})`);
      if (expected.length === 0 && q === 'the') continue; // only a stop word: no text condition at all
      expect(new Set(result.hits.map((h) => h.advocate.id)), q).toEqual(new Set(expected.map((e) => e.id)));
      expect(result.total, q).toBe(expected.length);
    }
  });

  it('stay within one account when asked, with or without text', async () => {
    const account = program.accounts.find((a) => program.advocates.filter((v) => v.accountId === a.id && v.status === 'active').length >= 2)!;
    const mine = program.advocates.filter((a) => a.accountId === account.id);
    const all = { status: ['active', 'paused', 'retired', 'nominated', 'in_review', 'interviewed', 'left_company'] };
    const withoutText = await searchAdvocates(t.deps, { filters: { ...all, accountId: account.id }, sort: 'name', limit: 50 });
    expect(withoutText.total).toBe(mine.length);
    expect(Object.fromEntries(withoutText.facets.status.map((c) => [c.key, c.count]))).toEqual(
      mine.reduce<Record<string, number>>((acc, a) => ({ ...acc, [a.status]: (acc[a.status] ?? 0) + 1 }), {}),
    );
    const someone = mine[0]!;
    const withText = await searchAdvocates(t.deps, { q: someone.lastName, filters: { ...all, accountId: account.id }, sort: 'relevance', limit: 50 });
    expect(withText.hits.map((h) => h.advocate.id)).toContain(someone.id);
    expect(withText.hits.every((h) => h.advocate.accountId === account.id)).toBe(true);
    const elsewhere = program.advocates.find((a) => a.accountId !== account.id && a.lastName !== someone.lastName)!;
    const otherName = await searchAdvocates(t.deps, { q: `${elsewhere.firstName} ${elsewhere.lastName}`, filters: { ...all, accountId: account.id }, sort: 'relevance', limit: 50 });
    expect(otherName.hits.map((h) => h.advocate.id)).not.toContain(elsewhere.id);
  });

  it('follow every change: an advocate edited, an account renamed or re-classified, an advocate deleted', async () => {
    const advocate = program.advocates.find((a) => a.status === 'active')!;
    const account = accountsById.get(advocate.accountId)!;
    await t.deps.db.execute(sql`update advocates set topic_keys = array['security'], seniority_key = 'c_level' where id = ${advocate.id}`);
    await t.deps.db.execute(sql`update accounts set industry_key = 'banking', employee_count = 75000, name = 'Quuxotic Holdings' where id = ${account.id}`);
    const found = await searchAdvocates(t.deps, { q: 'quuxotic', filters: {}, sort: 'relevance', limit: 50 });
    const advocatesOfAccount = program.advocates.filter((a) => a.accountId === account.id && a.status === 'active');
    expect(found.total).toBe(advocatesOfAccount.length);
    expect(Object.fromEntries(found.facets.industry.map((c) => [c.key, c.count]))).toEqual({ banking: advocatesOfAccount.length });
    expect(Object.fromEntries(found.facets.companySize.map((c) => [c.key, c.count]))).toEqual({ employees_50000: advocatesOfAccount.length });
    const narrowed = await searchAdvocates(t.deps, { q: 'quuxotic', filters: { topic: ['security'], seniority: ['c_level'] }, sort: 'relevance', limit: 50 });
    expect(narrowed.hits.map((h) => h.advocate.id)).toContain(advocate.id);
    await t.deps.db.execute(sql`delete from advocate_blackouts where advocate_id = ${advocate.id}`);
    await t.deps.db.execute(sql`delete from advocates where id = ${advocate.id}`);
    const after = await searchAdvocates(t.deps, { q: 'quuxotic', filters: {}, sort: 'relevance', limit: 50 });
    expect(after.total).toBe(advocatesOfAccount.length - 1);
    // The delete trigger (no cascade) leaves no search or facet row behind.
    const [left] = await queryRows<{ n: number }>(
      t.deps.db,
      sql`select (select count(*) from advocate_search where advocate_id = ${advocate.id})::int
        + (select count(*) from advocate_facet_codes where advocate_id = ${advocate.id})::int as n`,
    );
    expect(left?.n).toBe(0);
  });
});
