import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultCountries } from '../taxonomy/geography.js';
import { defaultIndustries } from '../taxonomy/industries.js';
import { createCountryMatcher, createIndustryMatcher, isEmailAddress, parseWholeNumber } from './values.js';
import { mapRow, validateAccountRow, validateAdvocateRow } from './validate-row.js';

const countries = createCountryMatcher(defaultCountries());
const industries = createIndustryMatcher(defaultIndustries());
const keyOf = (result: { key: string } | { reason: string }) => ('key' in result ? result.key : result.reason);

describe('lenient value matching', () => {
  it.each([
    ['FR', 'FR'], ['fra', 'FR'], ['France', 'FR'], ['  france ', 'FR'], ['United States', 'US'], ['USA', 'US'], ['United States of America', 'US'],
    ['UK', 'GB'], ['England', 'GB'], ['Deutschland', 'DE'], ['Côte d’Ivoire', 'CI'], ['Japan', 'JP'],
  ])('reads the country %s as %s', (value, key) => expect(keyOf(countries.match(value))).toBe(key));

  it.each([
    ['Banking', 'banking'], ['banking', 'banking'], ['Technology', 'information_technology'], ['COMPUTER_SOFTWARE', 'software'],
    ['Computer Software', 'software'], ['Healthcare', 'health_care'], ['Food & Beverage', 'food_and_beverage'], ['food and beverage', 'food_and_beverage'],
    ['Not For Profit', 'non_profit'], ['IT Services & Consulting', 'it_services_and_consulting'],
  ])('reads the industry %s as %s', (value, key) => expect(keyOf(industries.match(value))).toBe(key));

  it('says why a value matches nothing', () => {
    expect(keyOf(countries.match('Narnia'))).toMatch(/"Narnia" is not a known country/);
    expect(keyOf(industries.match('Basket weaving'))).toMatch(/"Basket weaving" is not a known industry/);
  });

  it('never matches a retired value (absent from the live list)', () => {
    const live = createCountryMatcher(defaultCountries().filter((c) => c.key !== 'FR'));
    expect('reason' in live.match('France')).toBe(true);
  });

  it.each([
    ['1200', 1200], ['1,200', 1200], ['$5,000,000', 5_000_000], ['2.5M', 2_500_000], ['750k', 750_000], ['1.2e6', 1_200_000], ['5000.00', 5000], ['USD 3 000', 3000],
  ])('reads the number %s', (raw, value) => expect(parseWholeNumber(raw)).toBe(value));

  it.each(['51-200', 'lots', '-5', ''])('refuses %s as a number', (raw) => expect(parseWholeNumber(raw)).toBeNull());

  it('reads any whole number written with thousands separators', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => parseWholeNumber(n.toLocaleString('en-US')) === n));
  });

  it('checks e-mail addresses', () => {
    expect(isEmailAddress('dana@northwind.example')).toBe(true);
    expect(isEmailAddress('not-an-email')).toBe(false);
    expect(isEmailAddress('a@b')).toBe(false);
  });
});

describe('row checks', () => {
  it('reads an account row, leaving blank cells out', () => {
    const row = mapRow(['Name', 'Country', 'Employees', 'Skip'], ['  Acme ', 'France', '', 'x'], { Name: 'name', Country: 'hqCountry', Employees: 'employeeCount', Skip: null });
    expect(validateAccountRow(row, { country: countries, industry: industries })).toEqual({ ok: true, values: { name: 'Acme', hqCountry: 'FR' } });
  });

  it('reports every problem of a row with its field', () => {
    const result = validateAccountRow({ hqCountry: 'Narnia', employeeCount: '0', industryKey: 'Nope' }, { country: countries, industry: industries });
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['name', 'industryKey', 'hqCountry', 'employeeCount']);
  });

  it('needs an account reference and a valid e-mail for an advocate', () => {
    const result = validateAdvocateRow({ firstName: 'Ann', lastName: 'Lee', email: 'nope' }, { country: countries });
    expect(result.ok ? [] : result.errors).toEqual([
      { field: 'email', reason: 'is not an e-mail address' },
      { field: 'account', reason: 'needs the account CRM id or the account name' },
    ]);
    expect(validateAdvocateRow({ firstName: 'Ann', lastName: 'Lee', email: 'ANN@X.EXAMPLE', accountName: 'Acme' }, { country: countries })).toEqual({
      ok: true,
      values: { firstName: 'Ann', lastName: 'Lee', email: 'ann@x.example', accountName: 'Acme' },
    });
  });
});
