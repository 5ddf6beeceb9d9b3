import { IMPORT_FIELDS, type ImportField, type ImportKindName } from './fields.js';

export type SourceFormat = 'salesforce' | 'hubspot' | 'generic';

/** Compares headers ignoring case, spaces and punctuation: "Country/Region" ≈ "country region". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

type Aliases = Partial<Record<ImportField, readonly string[]>>;

/**
 * Headers as Salesforce and HubSpot export them, and common hand-made variants. Order matters
 * only for display; matching is on the normalized header.
 */
const ALIASES: Record<ImportKindName, Aliases> = {
  accounts: {
    crmId: ['Account ID', 'Record ID', 'Company ID', 'CRM ID', 'Salesforce ID', 'HubSpot ID', 'ID', 'External ID'],
    name: ['Account Name', 'Company name', 'Company', 'Name', 'Organization', 'Organisation'],
    industryKey: ['Industry', 'Industry Key', 'Sector'],
    hqCountry: ['Billing Country', 'Country/Region', 'Country', 'HQ Country', 'Headquarters Country', 'Shipping Country', 'Billing Country Code', 'Country Code'],
    annualRevenueUsd: ['Annual Revenue', 'Revenue', 'Annual Revenue (USD)', 'Annual Revenue USD'],
    employeeCount: ['Employees', 'Number of Employees', 'Employee Count', 'No. of Employees', 'Headcount'],
    notes: ['Description', 'Notes', 'About Us'],
  },
  advocates: {
    crmId: ['Contact ID', 'Record ID', 'CRM ID', 'Salesforce ID', 'HubSpot ID', 'ID', 'External ID'],
    firstName: ['First Name', 'Given Name', 'First'],
    lastName: ['Last Name', 'Surname', 'Family Name', 'Last'],
    email: ['Email', 'E-mail', 'Email Address', 'E-mail Address', 'Work Email'],
    phone: ['Phone', 'Phone Number', 'Business Phone', 'Work Phone', 'Mobile', 'Mobile Phone', 'Mobile Phone Number', 'Telephone'],
    title: ['Title', 'Job Title', 'Position', 'Role'],
    country: ['Mailing Country', 'Country/Region', 'Country', 'Mailing Country Code', 'Country Code'],
    accountCrmId: ['Account ID', 'Associated Company ID', 'Company ID', 'Account CRM ID', 'Associated Company IDs'],
    accountName: ['Account Name', 'Associated Company', 'Company name', 'Company', 'Account', 'Organization', 'Organisation', 'Associated Company (Primary)'],
  },
  opportunities: {
    crmId: ['Opportunity ID', 'Record ID', 'Deal ID', 'CRM ID', 'Salesforce ID', 'HubSpot ID', 'ID', 'External ID'],
    opportunityName: ['Opportunity Name', 'Deal Name', 'Opportunity', 'Deal', 'Name'],
    prospectName: ['Account Name', 'Associated Company', 'Associated Company (Primary)', 'Company name', 'Company', 'Account', 'Prospect'],
    stage: ['Stage', 'Deal Stage', 'Opportunity Stage', 'Stage Name', 'Pipeline Stage', 'Sales Stage'],
    amountUsd: ['Amount', 'Amount (USD)', 'Amount USD', 'Deal Amount', 'Opportunity Amount', 'Amount in company currency', 'Amount in home currency'],
    closeDate: ['Close Date', 'Expected Close Date', 'Closed Date', 'Close date (expected)'],
    ownerEmail: ['Owner Email', 'Opportunity Owner Email', 'Deal Owner Email', 'Owner E-mail', 'Opportunity Owner', 'Deal owner', 'Owner', 'Sales Rep'],
    prospectIndustryKey: ['Industry', 'Account Industry', 'Company Industry'],
    prospectCountry: ['Billing Country', 'Account Billing Country', 'Country/Region', 'Country', 'Company Country'],
    prospectEmployeeCount: ['Employees', 'Number of Employees', 'Account Employees'],
    prospectAnnualRevenueUsd: ['Annual Revenue', 'Account Annual Revenue', 'Company Annual Revenue'],
    notes: ['Description', 'Notes', 'Deal Description'],
  },
};

const SALESFORCE_MARKERS = [
  'accountid', 'accountname', 'billingcountry', 'contactid', 'mailingcountry', 'accountowner', 'contactowner', 'billingstate', 'mailingstreet',
  'opportunityid', 'opportunityname', 'opportunityowner', 'fiscalperiod', 'probability',
];
const HUBSPOT_MARKERS = [
  'recordid', 'companyname', 'countryregion', 'associatedcompany', 'numberofemployees', 'phonenumber', 'jobtitle', 'leadstatus', 'companyowner',
  'contactowner', 'createdate', 'lifecyclestage', 'dealname', 'dealstage', 'dealowner', 'pipeline',
];

/** Which CRM exported the file, judged by headers only that CRM uses. */
export function detectSourceFormat(headers: readonly string[]): SourceFormat {
  const normalized = new Set(headers.map(normalizeHeader));
  const score = (markers: string[]) => markers.filter((m) => normalized.has(m)).length;
  const salesforce = score(SALESFORCE_MARKERS.filter((m) => m !== 'contactowner'));
  const hubspot = score(HUBSPOT_MARKERS.filter((m) => m !== 'contactowner'));
  if (salesforce === 0 && hubspot === 0) return 'generic';
  return salesforce >= hubspot ? 'salesforce' : 'hubspot';
}

/**
 * The mapping a person would pick: each header to the first field whose aliases include it,
 * each field used once (the earliest column wins), everything else ignored (null).
 */
export function suggestMapping(kind: ImportKindName, headers: readonly string[]): Record<string, ImportField | null> {
  const byAlias = new Map<string, ImportField>();
  // The field's own name is an alias too ("firstName", "industryKey").
  for (const field of IMPORT_FIELDS[kind]) {
    for (const alias of [field, ...(ALIASES[kind][field] ?? [])]) {
      const key = normalizeHeader(alias);
      if (!byAlias.has(key)) byAlias.set(key, field);
    }
  }
  const used = new Set<ImportField>();
  const mapping: Record<string, ImportField | null> = {};
  for (const header of headers) {
    const field = byAlias.get(normalizeHeader(header));
    if (field && !used.has(field)) {
      used.add(field);
      mapping[header] = field;
    } else {
      mapping[header] = null;
    }
  }
  return mapping;
}
