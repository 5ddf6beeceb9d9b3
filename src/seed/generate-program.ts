import { Faker, base, en } from '@faker-js/faker';
import ct from 'countries-and-timezones';
import { defaultTaxonomy } from '../domain/taxonomy/defaults.js';
import type { AdvocateStatus } from '../domain/advocate-lifecycle.js';
import { storyFor } from './stories.js';
import { TECHNICAL_FUNCTIONS, titleFor } from './titles.js';
import { logNormal, someOf, weightedPick } from './weighted.js';

/** One generated program: plain records, ready for a bulk insert. Deterministic for a seed. */
export interface GeneratedAccount {
  id: string;
  name: string;
  industryKey: string;
  annualRevenueUsd: number;
  employeeCount: number;
  hqCountry: string;
  productKeys: string[];
  useCaseKeys: string[];
  deployment: 'cloud' | 'on_premises' | 'hybrid';
  goLiveDate: string;
  customerSince: string;
  seats: number;
  ownerUserId: string | null;
  referenceStatus: 'referenceable' | 'restricted' | 'not_referenceable';
  restrictionReason: string | null;
  crmId: string;
}

export interface GeneratedAdvocate {
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  title: string;
  seniorityKey: string;
  functionKey: string;
  orientation: 'technical' | 'business';
  country: string;
  timeZone: string | null;
  languageKeys: string[];
  topicKeys: string[];
  useCaseKeys: string[];
  productKeys: string[];
  storySituation: string;
  storySolution: string;
  storyOutcomes: string;
  willingness: Record<string, 'yes' | 'ask_first' | 'no'>;
  status: AdvocateStatus;
  consent: { at: string; method: string; scope: string[] } | null;
  lastVerifiedAt: string | null;
  points: number;
  crmId: string;
  blackouts: { startsOn: string; endsOn: string; reason: string }[];
}

const COUNTRY_WEIGHTS = { US: 38, GB: 9, DE: 7, FR: 6, CA: 5, AU: 4, JP: 4, NL: 3, IN: 3, BR: 2, SG: 2, SE: 2, ES: 2, IT: 2, CH: 2, MX: 1, ZA: 1, AE: 1, IE: 2, DK: 1, PL: 1, KR: 1, NZ: 1 };
const SECTOR_WEIGHTS: Record<string, number> = { information_technology: 25, financial_services: 18, health_care: 14, industrials: 10, consumer_discretionary: 8, communication_services: 6, consumer_staples: 4, energy: 3, materials: 3, utilities: 2, real_estate: 2, public_sector: 3, education: 2, non_profit: 1 };
const LOCAL_LANGUAGE: Record<string, string> = { DE: 'de', FR: 'fr', JP: 'ja', NL: 'nl', BR: 'pt', SE: 'sv', ES: 'es', IT: 'it', CH: 'de', MX: 'es', AE: 'ar', DK: 'da', PL: 'pl', KR: 'ko', IN: 'hi' };
const STATUS_WEIGHTS: Record<AdvocateStatus, number> = { active: 60, paused: 10, retired: 8, nominated: 8, in_review: 5, interviewed: 4, left_company: 5, withdrawn: 0 };
const SENIORITY_WEIGHTS = { c_level: 10, vp: 25, director: 30, manager: 25, individual_contributor: 10 };
const SUFFIXES = ['Group', 'Holdings', 'Systems', 'Labs', 'Partners', 'Industries', 'Health', 'Bank', 'Logistics', 'Energy', 'Retail', 'Technologies'];

const day = (d: Date) => d.toISOString().slice(0, 10);

export interface GenerateProgramOptions {
  seed: number;
  accounts: number;
  ownerUserIds: string[];
  now: Date;
}

/** A whole generated program in memory: fine up to a few hundred thousand advocates. */
export function generateProgram(options: GenerateProgramOptions): { accounts: GeneratedAccount[]; advocates: GeneratedAdvocate[] } {
  const program = { accounts: [] as GeneratedAccount[], advocates: [] as GeneratedAdvocate[] };
  for (const chunk of generateProgramChunks(options, options.accounts)) {
    program.accounts.push(...chunk.accounts);
    program.advocates.push(...chunk.advocates);
  }
  return program;
}

/**
 * The same program, `chunkAccounts` accounts (with their advocates) at a time, so a million
 * advocates can be generated and inserted without holding them all in memory. The chunks of
 * a seed concatenate to exactly what generateProgram returns.
 */
export function* generateProgramChunks(
  options: GenerateProgramOptions,
  chunkAccounts: number,
): Generator<{ accounts: GeneratedAccount[]; advocates: GeneratedAdvocate[] }> {
  const faker = new Faker({ locale: [en, base], seed: options.seed });
  const taxonomy = defaultTaxonomy();
  const keysOf = (facet: string) => taxonomy.filter((v) => v.facet === facet).map((v) => v.key);
  const industriesBySector = new Map<string, string[]>();
  for (const v of taxonomy) if (v.facet === 'industry' && v.parentKey) industriesBySector.set(v.parentKey, [...(industriesBySector.get(v.parentKey) ?? []), v.key]);
  const [products, useCases, topics, activityTypes, functions] = ['product', 'use_case', 'topic', 'activity_type', 'function'].map(keysOf) as [string[], string[], string[], string[], string[]];
  const productLabels = new Map(taxonomy.filter((v) => v.facet === 'product').map((v) => [v.key, v.label]));
  const useCaseLabels = new Map(taxonomy.filter((v) => v.facet === 'use_case').map((v) => [v.key, v.label]));
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  let accounts: GeneratedAccount[] = [];
  let advocates: GeneratedAdvocate[] = [];

  for (let i = 0; i < options.accounts; i++) {
    if (accounts.length >= chunkAccounts) {
      yield { accounts, advocates };
      accounts = [];
      advocates = [];
    }
    let name = faker.company.name().replace(/,? (and|&) .*$/, '');
    if (usedNames.has(name)) name = `${name} ${faker.helpers.arrayElement(SUFFIXES)}`;
    if (usedNames.has(name)) name = `${name} ${i}`;
    usedNames.add(name);
    const sector = weightedPick(faker, SECTOR_WEIGHTS);
    const employees = logNormal(faker, 1_500, 1.6, 50, 200_000);
    const customerSince = faker.date.between({ from: new Date(options.now.getTime() - 8 * 365 * 86_400_000), to: new Date(options.now.getTime() - 60 * 86_400_000) });
    const statusRoll = faker.number.int({ min: 1, max: 100 });
    const accountProducts = someOf(faker, products, 1, 4);
    const account: GeneratedAccount = {
      id: faker.string.uuid(),
      name,
      industryKey: faker.helpers.arrayElement(industriesBySector.get(sector) ?? ['software']),
      annualRevenueUsd: Math.round(employees * faker.number.int({ min: 120_000, max: 520_000 })),
      employeeCount: employees,
      hqCountry: weightedPick(faker, COUNTRY_WEIGHTS),
      productKeys: accountProducts,
      useCaseKeys: someOf(faker, useCases, 1, 3),
      deployment: weightedPick(faker, { cloud: 70, hybrid: 18, on_premises: 12 }),
      customerSince: day(customerSince),
      goLiveDate: day(new Date(customerSince.getTime() + faker.number.int({ min: 30, max: 240 }) * 86_400_000)),
      seats: Math.max(10, Math.round(employees * faker.number.float({ min: 0.02, max: 0.6 }))),
      ownerUserId: options.ownerUserIds.length ? faker.helpers.arrayElement(options.ownerUserIds) : null,
      referenceStatus: statusRoll <= 80 ? 'referenceable' : statusRoll <= 92 ? 'restricted' : 'not_referenceable',
      restrictionReason: null,
      crmId: `001${faker.string.alphanumeric({ length: 12, casing: 'upper' })}`,
    };
    if (account.referenceStatus === 'restricted') {
      account.restrictionReason = faker.helpers.arrayElement(['Open support escalation', 'Renewal under negotiation', 'No competitors of theirs as prospects', 'Legal approval needed for each use']);
    }
    accounts.push(account);
    const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
    const count = weightedPick(faker, { '1': 25, '2': 30, '3': 22, '4': 12, '5': 7, '6': 4 });
    for (let a = 0; a < Number(count); a++) {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      let email = `${firstName}.${lastName}@${domain}`.toLowerCase().replace(/[^a-z0-9.@-]/g, '');
      if (usedEmails.has(email)) email = email.replace('@', `${a}${i}@`);
      usedEmails.add(email);
      const seniorityKey = weightedPick(faker, SENIORITY_WEIGHTS);
      const functionKey = faker.helpers.arrayElement(functions);
      const country = faker.number.int({ min: 1, max: 100 }) <= 80 ? account.hqCountry : weightedPick(faker, COUNTRY_WEIGHTS);
      const status = weightedPick(faker, STATUS_WEIGHTS);
      const recruited = status !== 'nominated' && status !== 'in_review' && status !== 'interviewed';
      const product = faker.helpers.arrayElement(accountProducts);
      const useCase = faker.helpers.arrayElement(account.useCaseKeys);
      const story = storyFor(faker, { company: name, product: productLabels.get(product) ?? product, useCase: useCaseLabels.get(useCase) ?? useCase, employees });
      const local = LOCAL_LANGUAGE[country];
      advocates.push({
        id: faker.string.uuid(),
        accountId: account.id,
        firstName,
        lastName,
        email,
        phone: faker.phone.number({ style: 'international' }),
        title: titleFor(seniorityKey, functionKey, (items) => faker.helpers.arrayElement(items)),
        seniorityKey,
        functionKey,
        orientation: TECHNICAL_FUNCTIONS.has(functionKey) !== faker.datatype.boolean(0.1) ? 'technical' : 'business',
        country,
        timeZone: ct.getCountry(country)?.timezones[0] ?? null,
        languageKeys: local ? ['en', local] : ['en'],
        topicKeys: someOf(faker, topics, 2, 5),
        useCaseKeys: [useCase],
        productKeys: someOf(faker, accountProducts, 1, 2),
        storySituation: story.situation,
        storySolution: story.solution,
        storyOutcomes: story.outcomes,
        willingness: Object.fromEntries(
          activityTypes.map((t) => [t, t === 'reference_call' ? weightedPick(faker, { yes: 75, ask_first: 20, no: 5 }) : weightedPick(faker, { yes: 25, ask_first: 50, no: 25 })]),
        ),
        status,
        consent: recruited ? { at: faker.date.past({ years: 3, refDate: options.now }).toISOString(), method: faker.helpers.arrayElement(['Signed reference agreement', 'E-mail confirmation', 'Recorded on the recruiting call']), scope: ['reference_call', 'quote_or_logo_use'] } : null,
        lastVerifiedAt: recruited ? faker.date.past({ years: 2, refDate: options.now }).toISOString() : null,
        points: recruited ? faker.number.int({ min: 0, max: 2_000 }) : 0,
        crmId: `003${faker.string.alphanumeric({ length: 12, casing: 'upper' })}`,
        blackouts: faker.datatype.boolean(0.2)
          ? [0].map(() => {
              const start = faker.date.soon({ days: 150, refDate: options.now });
              return { startsOn: day(start), endsOn: day(new Date(start.getTime() + faker.number.int({ min: 3, max: 21 }) * 86_400_000)), reason: faker.helpers.arrayElement(['Holiday', 'Quarter-end close', 'Parental leave', 'Conference season']) };
            })
          : [],
      });
    }
  }
  if (accounts.length) yield { accounts, advocates };
}
