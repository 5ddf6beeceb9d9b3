import type { Countries } from 'world-countries';
import worldCountries from 'world-countries/countries.json' with { type: 'json' };

/** A live taxonomy value as the matchers need it. */
export interface TaxonomyEntry {
  key: string;
  label: string;
}

/** Compares values ignoring case, accents, spaces and punctuation; "&" reads as "and". */
export function normalizeValue(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

export type MatchResult = { key: string } | { reason: string };

/** Resolves free text to a taxonomy key: the key itself, the label, or a known synonym. */
export interface ValueMatcher {
  match(value: string): MatchResult;
}

function buildMatcher(entries: readonly TaxonomyEntry[], synonyms: Iterable<[string, string]>, noun: string, hint: string): ValueMatcher {
  const live = new Set(entries.map((e) => e.key));
  const lookup = new Map<string, string>();
  // Synonyms first, so the taxonomy's own keys and labels win over them.
  for (const [synonym, key] of synonyms) if (live.has(key)) lookup.set(normalizeValue(synonym), key);
  for (const e of entries) lookup.set(normalizeValue(e.label), e.key);
  for (const e of entries) lookup.set(normalizeValue(e.key), e.key);
  return {
    match(value) {
      const key = lookup.get(normalizeValue(value));
      return key ? { key } : { reason: `"${value}" is not a known ${noun} (${hint})` };
    },
  };
}

const countries = worldCountries as unknown as Countries;

/** Country names, official names, ISO alpha-3 codes and common spellings ("USA", "UK") → ISO alpha-2. */
function countrySynonyms(): [string, string][] {
  const pairs: [string, string][] = [];
  for (const c of countries) {
    if (!/^[A-Z]{2}$/.test(c.cca2)) continue;
    const native = Object.values(c.name.native ?? {}).flatMap((n) => [n.common, n.official]);
    for (const name of [c.cca3, c.name.common, c.name.official, ...c.altSpellings, ...native]) pairs.push([name, c.cca2]);
  }
  pairs.push(['England', 'GB'], ['Scotland', 'GB'], ['Wales', 'GB'], ['Northern Ireland', 'GB'], ['Holland', 'NL'], ['South Korea', 'KR'], ['Korea', 'KR']);
  return pairs;
}

export function createCountryMatcher(entries: readonly TaxonomyEntry[]): ValueMatcher {
  return buildMatcher(entries, countrySynonyms(), 'country', 'use a country name or an ISO 3166 code such as FR or FRA');
}

/**
 * Industry picklist values of Salesforce (standard Account.Industry) and HubSpot (company
 * industry, exported as labels or as UPPER_SNAKE codes) → default industry or sector keys.
 */
const INDUSTRY_SYNONYMS: [string, string][] = [
  ['Apparel', 'apparel_and_luxury_goods'],
  ['Communications', 'telecommunications'],
  ['Construction', 'construction_and_engineering'],
  ['Consulting', 'professional_services'],
  ['Electronics', 'hardware_and_equipment'],
  ['Engineering', 'construction_and_engineering'],
  ['Entertainment', 'media_and_entertainment'],
  ['Finance', 'financial_services'],
  ['Government', 'public_sector'],
  ['Government Administration', 'public_sector'],
  ['Healthcare', 'health_care'],
  ['Hospitality', 'hotels_restaurants_and_leisure'],
  ['Recreation', 'hotels_restaurants_and_leisure'],
  ['Machinery', 'industrial_machinery'],
  ['Manufacturing', 'industrials'],
  ['Media', 'media_and_entertainment'],
  ['Not For Profit', 'non_profit'],
  ['Nonprofit', 'non_profit'],
  ['Non Profit Organization Management', 'non_profit'],
  ['Shipping', 'transportation_and_logistics'],
  ['Transportation', 'transportation_and_logistics'],
  ['Logistics and Supply Chain', 'transportation_and_logistics'],
  ['Technology', 'information_technology'],
  ['Computer Software', 'software'],
  ['Information Technology and Services', 'it_services_and_consulting'],
  ['Computer Hardware', 'hardware_and_equipment'],
  ['Computer Network Security', 'cybersecurity'],
  ['Computer and Network Security', 'cybersecurity'],
  ['Internet', 'interactive_media_and_online_services'],
  ['Marketing and Advertising', 'advertising_and_marketing_services'],
  ['Airlines/Aviation', 'airlines'],
  ['Airlines Aviation', 'airlines'],
  ['Oil and Energy', 'oil_and_gas'],
  ['Oil Energy', 'oil_and_gas'],
  ['Food Beverages', 'food_and_beverage'],
  ['Food and Beverages', 'food_and_beverage'],
  ['Consumer Goods', 'household_and_personal_products'],
  ['Management Consulting', 'professional_services'],
  ['Hospital and Health Care', 'hospitals_and_health_systems'],
  ['Hospital Health Care', 'hospitals_and_health_systems'],
  ['E-Learning', 'education_technology'],
  ['Education Management', 'education'],
  ['Telecommunications', 'telecommunications'],
  ['Financial Services', 'financial_services'],
  ['Wireless', 'telecommunications'],
];

export function createIndustryMatcher(entries: readonly TaxonomyEntry[]): ValueMatcher {
  return buildMatcher(entries, INDUSTRY_SYNONYMS, 'industry', 'use an industry name from the taxonomy, e.g. Banking or Software');
}

const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

/**
 * A non-negative whole number as CRMs and spreadsheets write it: "1,200", "$5 000 000",
 * "12.5M", "1.2e6", "5000.00". Refuses ranges ("51-200") and words.
 */
export function parseWholeNumber(raw: string): number | null {
  const text = raw.trim().replace(/^(usd|us\$|\$|€|£|eur|gbp)\s*/i, '').replace(/\s*(usd|eur|gbp)$/i, '');
  const match = /^([0-9][0-9,\u00a0\u202f ']*(?:\.[0-9]+)?|\.[0-9]+)(?:e([0-9]{1,2}))?\s*(k|m|mm|b|bn)?$/i.exec(text);
  if (!match) return null;
  const digits = match[1]!.replace(/[,\u00a0\u202f ']/g, '');
  let value = Number(digits);
  if (match[2]) value *= 10 ** Number(match[2]);
  if (match[3]) value *= MULTIPLIERS[match[3].toLowerCase()] ?? 1;
  if (!Number.isFinite(value) || value < 0) return null;
  return Math.round(value);
}

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@[^\s@"(),:;<>[\\\]]+\.[^\s@"(),:;<>[\\\].]{2,}$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && EMAIL.test(value);
}

const PHONE = /^\+?[0-9 ()./-]{6,30}$/;

/** Phone numbers as the advocate form accepts them; "ext. 12" suffixes are kept out. */
export function isPhoneNumber(value: string): boolean {
  return PHONE.test(value);
}
