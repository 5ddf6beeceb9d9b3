import { describe, expect, it } from 'vitest';
import { detectSourceFormat, normalizeHeader, suggestMapping } from './detect-headers.js';
import { findMappingErrors } from './fields.js';

describe('header detection', () => {
  it('normalizes headers ignoring case, spaces and punctuation', () => {
    expect(normalizeHeader(' Country/Region ')).toBe('countryregion');
    expect(normalizeHeader('E-mail Address')).toBe('emailaddress');
  });

  it('tells Salesforce, HubSpot and hand-made files apart', () => {
    expect(detectSourceFormat(['Account ID', 'Account Name', 'Billing Country', 'Industry'])).toBe('salesforce');
    expect(detectSourceFormat(['Contact ID', 'First Name', 'Last Name', 'Mailing Country', 'Account Name'])).toBe('salesforce');
    expect(detectSourceFormat(['Record ID', 'Company name', 'Country/Region', 'Number of Employees'])).toBe('hubspot');
    expect(detectSourceFormat(['Record ID', 'First Name', 'Email', 'Phone Number', 'Job Title', 'Associated Company'])).toBe('hubspot');
    expect(detectSourceFormat(['name', 'country'])).toBe('generic');
  });

  it('maps a Salesforce contact export, with the account id as the account reference', () => {
    expect(suggestMapping('advocates', ['Contact ID', 'First Name', 'Last Name', 'Title', 'Email', 'Phone', 'Mailing Country', 'Account Name', 'Account ID', 'Lead Source'])).toEqual({
      'Contact ID': 'crmId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      Title: 'title',
      Email: 'email',
      Phone: 'phone',
      'Mailing Country': 'country',
      'Account Name': 'accountName',
      'Account ID': 'accountCrmId',
      'Lead Source': null,
    });
  });

  it('maps a HubSpot company export and uses each field once', () => {
    expect(suggestMapping('accounts', ['Record ID', 'Company name', 'Country/Region', 'Country', 'Industry', 'Number of Employees', 'Annual Revenue'])).toEqual({
      'Record ID': 'crmId',
      'Company name': 'name',
      'Country/Region': 'hqCountry',
      Country: null,
      Industry: 'industryKey',
      'Number of Employees': 'employeeCount',
      'Annual Revenue': 'annualRevenueUsd',
    });
  });
});

describe('mapping checks', () => {
  it('accepts a complete mapping', () => {
    expect(findMappingErrors('accounts', ['Name', 'X'], { Name: 'name', X: null })).toEqual([]);
  });

  it('reports unknown fields and columns, fields mapped twice and missing required fields at once', () => {
    const errors = findMappingErrors('advocates', ['A', 'B', 'C'], { A: 'firstName', B: 'firstName', C: 'shoeSize', D: 'email' });
    expect(errors.map((e) => e.field)).toEqual(['mapping.B', 'mapping.C', 'mapping.D', 'mapping', 'mapping']);
  });
});
