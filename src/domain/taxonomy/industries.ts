import { toKey as key, type TaxonomyValue } from './types.js';

/**
 * A two-level sector → industry classification. Sectors follow the broad economic sectors
 * used by market classifications; industries are the ones reference programs are asked about.
 */
const SECTORS: Record<string, string[]> = {
  'Information Technology': ['Software', 'IT Services & Consulting', 'Semiconductors', 'Hardware & Equipment', 'Cybersecurity', 'Cloud & Data Centers'],
  'Communication Services': ['Telecommunications', 'Media & Entertainment', 'Interactive Media & Online Services', 'Advertising & Marketing Services'],
  'Financial Services': ['Banking', 'Insurance', 'Capital Markets & Asset Management', 'Payments & Fintech', 'Consumer Finance'],
  'Health Care': ['Hospitals & Health Systems', 'Pharmaceuticals', 'Biotechnology', 'Medical Devices', 'Health Insurance & Payers', 'Life Sciences Tools & Services'],
  Industrials: ['Aerospace & Defense', 'Industrial Machinery', 'Construction & Engineering', 'Transportation & Logistics', 'Airlines', 'Professional Services'],
  'Consumer Discretionary': ['Retail', 'E-commerce', 'Automotive', 'Hotels, Restaurants & Leisure', 'Apparel & Luxury Goods', 'Consumer Durables'],
  'Consumer Staples': ['Food & Beverage', 'Household & Personal Products', 'Grocery & Food Retail', 'Agriculture'],
  Energy: ['Oil & Gas', 'Renewable Energy', 'Energy Equipment & Services'],
  Materials: ['Chemicals', 'Metals & Mining', 'Paper & Packaging', 'Construction Materials'],
  Utilities: ['Electric Utilities', 'Water Utilities', 'Gas Utilities'],
  'Real Estate': ['Commercial Real Estate', 'Residential Real Estate', 'Real Estate Services'],
  'Public Sector': ['Federal & National Government', 'State & Local Government', 'Defense Agencies', 'Public Safety'],
  Education: ['Higher Education', 'K-12 Education', 'Education Technology'],
  'Non-profit': ['Charities & Foundations', 'Associations & Membership Organizations'],
};

export const SECTOR_KEYS = Object.keys(SECTORS).map(key);

export function defaultIndustries(): TaxonomyValue[] {
  const values: TaxonomyValue[] = [];
  Object.entries(SECTORS).forEach(([sector, industries], s) => {
    values.push({ facet: 'industry', key: key(sector), label: sector, sortOrder: s * 100, attributes: { level: 'sector' } });
    industries.forEach((industry, i) =>
      values.push({ facet: 'industry', key: key(industry), label: industry, parentKey: key(sector), sortOrder: s * 100 + i + 1, attributes: { level: 'industry' } }),
    );
  });
  return values;
}
