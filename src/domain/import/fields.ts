/**
 * The Vouch fields a CSV column can be mapped to, per kind of import. Pure data: the web app
 * and the API share these names.
 */
export const ACCOUNT_IMPORT_FIELDS = ['crmId', 'name', 'industryKey', 'hqCountry', 'annualRevenueUsd', 'employeeCount', 'notes'] as const;
export const ADVOCATE_IMPORT_FIELDS = [
  'crmId',
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'country',
  'accountCrmId',
  'accountName',
] as const;

/** Opportunities (deals): the owner is a Vouch user named by e-mail (or full name); the stage a pipeline stage. */
export const OPPORTUNITY_IMPORT_FIELDS = [
  'crmId',
  'opportunityName',
  'prospectName',
  'stage',
  'amountUsd',
  'closeDate',
  'ownerEmail',
  'prospectIndustryKey',
  'prospectCountry',
  'prospectEmployeeCount',
  'prospectAnnualRevenueUsd',
  'notes',
] as const;

export type AccountImportField = (typeof ACCOUNT_IMPORT_FIELDS)[number];
export type AdvocateImportField = (typeof ADVOCATE_IMPORT_FIELDS)[number];
export type OpportunityImportField = (typeof OPPORTUNITY_IMPORT_FIELDS)[number];
export type ImportField = AccountImportField | AdvocateImportField | OpportunityImportField;
export type ImportKindName = 'accounts' | 'advocates' | 'opportunities';

export const IMPORT_FIELDS: Record<ImportKindName, readonly ImportField[]> = {
  accounts: ACCOUNT_IMPORT_FIELDS,
  advocates: ADVOCATE_IMPORT_FIELDS,
  opportunities: OPPORTUNITY_IMPORT_FIELDS,
};

/** Human labels, for the mapping table and the report. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  crmId: 'CRM id',
  name: 'Account name',
  industryKey: 'Industry',
  hqCountry: 'HQ country',
  annualRevenueUsd: 'Annual revenue (USD)',
  employeeCount: 'Employees',
  notes: 'Notes',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'E-mail',
  phone: 'Phone',
  title: 'Job title',
  country: 'Country',
  accountCrmId: 'Account CRM id',
  accountName: 'Account name',
  opportunityName: 'Opportunity name',
  prospectName: 'Prospect (company)',
  stage: 'Stage',
  amountUsd: 'Amount (USD)',
  closeDate: 'Close date',
  ownerEmail: 'Owner (e-mail or full name)',
  prospectIndustryKey: 'Prospect industry',
  prospectCountry: 'Prospect country',
  prospectEmployeeCount: 'Prospect employees',
  prospectAnnualRevenueUsd: 'Prospect annual revenue (USD)',
};

/** Each group must have at least one of its fields mapped (a group of one: that field is required). */
export const REQUIRED_FIELD_GROUPS: Record<ImportKindName, readonly (readonly ImportField[])[]> = {
  accounts: [['name']],
  advocates: [['firstName'], ['lastName'], ['accountCrmId', 'accountName']],
  opportunities: [['opportunityName'], ['prospectName'], ['stage'], ['ownerEmail']],
};

/** Protected advocate fields: never echoed back in previews or reports. */
export const PROTECTED_IMPORT_FIELDS: readonly ImportField[] = ['email', 'phone'];

export interface ImportFieldError {
  field: string;
  reason: string;
}

/**
 * Every problem with a mapping at once: unknown headers or fields, a field mapped twice, and
 * required fields left unmapped. `field` names are `mapping.<header>` or `mapping`.
 */
export function findMappingErrors(kind: ImportKindName, headers: readonly string[], mapping: Record<string, string | null>): ImportFieldError[] {
  const errors: ImportFieldError[] = [];
  const allowed: readonly string[] = IMPORT_FIELDS[kind];
  const seen = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!headers.includes(header)) {
      errors.push({ field: `mapping.${header}`, reason: 'is not a column of this file' });
      continue;
    }
    if (field === null) continue;
    if (!allowed.includes(field)) {
      errors.push({ field: `mapping.${header}`, reason: `"${field}" is not a field of ${kind} (use one of ${allowed.join(', ')})` });
      continue;
    }
    const other = seen.get(field);
    if (other !== undefined) errors.push({ field: `mapping.${header}`, reason: `"${field}" is already mapped from column "${other}"` });
    else seen.set(field, header);
  }
  for (const group of REQUIRED_FIELD_GROUPS[kind]) {
    if (group.some((field) => seen.has(field))) continue;
    const names = group.map((f) => `${IMPORT_FIELD_LABELS[f]} (${f})`).join(' or ');
    errors.push({ field: 'mapping', reason: `a column must be mapped to ${names}` });
  }
  return errors;
}
