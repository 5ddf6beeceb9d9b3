import { Faker, base, en } from '@faker-js/faker';
import { defaultTaxonomy } from '../domain/taxonomy/defaults.js';
import { ACTIVITY_TYPES } from '../domain/taxonomy/program-facets.js';
import { toKey } from '../domain/taxonomy/types.js';
import { DEFAULT_PIPELINE_STAGES } from '../domain/requests/program-policy.js';
import type { ActivityStatus } from '../domain/requests/request-states.js';
import type { GeneratedAccount, GeneratedAdvocate } from './generate-program.js';
import { logNormal, someOf, weightedPick } from './weighted.js';

/** An opportunity of a generated program (a deal some advocates helped with). */
export interface GeneratedOpportunity {
  id: string;
  name: string;
  prospectName: string;
  prospectIndustryKey: string;
  prospectEmployeeCount: number;
  prospectAnnualRevenueUsd: number;
  prospectCountry: string;
  stageKey: string;
  amountUsd: number;
  closeDate: string;
  ownerUserId: string;
  productKeys: string[];
  competitors: string[];
  /** Customer accounts competing with the prospect. */
  excludedAccountIds: string[];
  decisionMakerBuyIn: boolean;
  technicalApproval: boolean;
  budgetConfirmed: boolean;
  finalist: boolean;
  outcome: 'open' | 'won' | 'lost';
  crmId: string;
}

export interface GeneratedActivity {
  id: string;
  advocateId: string;
  accountId: string;
  activityTypeKey: string;
  status: ActivityStatus;
  occursOn: string;
  weight: number;
  opportunityId: string | null;
  requestingTeam: string;
  title: string;
}

/** The requester's debrief of a use that happened. */
export interface GeneratedDebrief {
  activityId: string;
  happened: boolean;
  metNeeds: number;
}

export interface GeneratedHistory {
  activities: GeneratedActivity[];
  debriefs: GeneratedDebrief[];
}

export interface HistoryOptions {
  seed: number;
  now: Date;
  /** Sellers owning the opportunities (at least one). */
  ownerUserIds: string[];
  /** Mean activities per advocate over the whole program (about 10 for the bench). */
  meanActivities: number;
  /** How far back the history goes, in days (uses up to 90 days ahead are planned or held). */
  historyDays?: number;
}

const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const TYPE_WEIGHTS: Record<string, number> = {
  reference_call: 55, site_visit: 5, case_study: 3, video_testimonial: 2, press_quote: 5, press_interview: 2, analyst_briefing: 3,
  speaking_engagement: 2, webinar: 4, peer_review: 10, advisory_board: 2, community_participation: 4, quote_or_logo_use: 2, investor_reference: 1,
};
const UNIT_WEIGHTS = new Map(ACTIVITY_TYPES.map((t) => [toKey(t.label), t.weight]));
const TEAM_OF = new Map(ACTIVITY_TYPES.map((t) => [toKey(t.label), t.teams[0] ?? 'sales']));
const RECRUITED = new Set(['active', 'paused', 'retired', 'left_company']);
/** log-normal spread of uses per advocate: most help a few times, some are heavily used. */
const SPREAD = 1.1;

/** Opportunities for a program: prospects like its customers, across the pipeline. */
export function generateOpportunities(options: { seed: number; now: Date; ownerUserIds: string[]; count: number; accounts: Pick<GeneratedAccount, 'id'>[] }): GeneratedOpportunity[] {
  if (options.ownerUserIds.length === 0) throw new Error('opportunities need at least one owner');
  const faker = new Faker({ locale: [en, base], seed: options.seed });
  const taxonomy = defaultTaxonomy();
  const industries = taxonomy.filter((v) => v.facet === 'industry' && v.parentKey).map((v) => v.key);
  const products = taxonomy.filter((v) => v.facet === 'product').map((v) => v.key);
  return Array.from({ length: options.count }, (_, i) => {
    const employees = logNormal(faker, 1_500, 1.6, 50, 200_000);
    const prospectName = faker.company.name().replace(/,? (and|&) .*$/, '');
    const stage = DEFAULT_PIPELINE_STAGES[faker.number.int({ min: 0, max: DEFAULT_PIPELINE_STAGES.length - 1 })]!;
    const late = DEFAULT_PIPELINE_STAGES.findIndex((s) => s.key === stage.key) >= 3;
    return {
      id: faker.string.uuid(),
      name: `${prospectName} — ${faker.helpers.arrayElement(['platform', 'expansion', 'renewal', 'pilot', 'migration'])}`,
      prospectName,
      prospectIndustryKey: faker.helpers.arrayElement(industries),
      prospectEmployeeCount: employees,
      prospectAnnualRevenueUsd: Math.round(employees * faker.number.int({ min: 120_000, max: 520_000 })),
      prospectCountry: weightedPick(faker, { US: 40, GB: 10, DE: 8, FR: 7, CA: 5, AU: 4, JP: 4, NL: 3, IN: 3, BR: 2, SG: 2, ES: 2, IT: 2 }),
      stageKey: stage.key,
      amountUsd: faker.number.int({ min: 20, max: 2_000 }) * 1_000,
      closeDate: day(new Date(options.now.getTime() + faker.number.int({ min: -200, max: 200 }) * DAY)),
      ownerUserId: faker.helpers.arrayElement(options.ownerUserIds),
      productKeys: someOf(faker, products, 1, 3),
      competitors: someOf(faker, ['Tableau', 'Power BI', 'Looker', 'Qlik', 'Domo'], 0, 2),
      excludedAccountIds: options.accounts.length ? faker.helpers.arrayElements(options.accounts, { min: 0, max: 2 }).map((a) => a.id) : [],
      decisionMakerBuyIn: late || faker.datatype.boolean(0.3),
      technicalApproval: late && faker.datatype.boolean(0.7),
      budgetConfirmed: late && faker.datatype.boolean(0.6),
      finalist: late && faker.datatype.boolean(0.5),
      outcome: i % 5 === 0 ? 'won' : i % 7 === 0 ? 'lost' : 'open',
      crmId: `006${faker.string.alphanumeric({ length: 12, casing: 'upper' })}`,
    };
  });
}

/**
 * Activity histories, chunk by chunk of advocates (deterministic for a seed and the same chunks
 * in the same order): recruited advocates only, a skewed number each (most a few, some dozens),
 * spread over the history and up to 90 days ahead; past ones mostly happened (with a requester
 * debrief for some), future ones held or planned, a few cancelled. Sales uses name an opportunity.
 */
export function createHistoryGenerator(options: HistoryOptions, opportunities: Pick<GeneratedOpportunity, 'id'>[]): (advocates: Pick<GeneratedAdvocate, 'id' | 'accountId' | 'status'>[]) => GeneratedHistory {
  const faker = new Faker({ locale: [en, base], seed: options.seed });
  const historyDays = options.historyDays ?? 3 * 365;
  // Recruited advocates are about 80% of a generated program; the log-normal mean is median·e^(σ²/2).
  const median = options.meanActivities / 0.8 / Math.exp((SPREAD * SPREAD) / 2);
  return (advocates) => {
    const activities: GeneratedActivity[] = [];
    const debriefs: GeneratedDebrief[] = [];
    for (const advocate of advocates) {
      if (!RECRUITED.has(advocate.status)) continue;
      const count = logNormal(faker, median, SPREAD, 0, 400);
      for (let i = 0; i < count; i++) {
        const offset = faker.number.int({ min: -historyDays, max: 90 });
        const future = offset > 0;
        const type = weightedPick(faker, TYPE_WEIGHTS);
        const status: ActivityStatus = future ? weightedPick(faker, { held: 30, planned: 60, cancelled: 10 }) : weightedPick(faker, { happened: 85, did_not_happen: 5, cancelled: 10 });
        const sales = type === 'reference_call' || type === 'site_visit';
        const activity: GeneratedActivity = {
          id: faker.string.uuid(),
          advocateId: advocate.id,
          accountId: advocate.accountId,
          activityTypeKey: type,
          status,
          occursOn: day(new Date(options.now.getTime() + offset * DAY)),
          weight: UNIT_WEIGHTS.get(type) ?? 1,
          opportunityId: sales && opportunities.length ? faker.helpers.arrayElement(opportunities).id : null,
          requestingTeam: TEAM_OF.get(type) ?? 'sales',
          title: type.replace(/_/g, ' '),
        };
        activities.push(activity);
        if (status === 'happened' && faker.datatype.boolean(0.4)) {
          debriefs.push({ activityId: activity.id, happened: true, metNeeds: Number(weightedPick(faker, { '5': 35, '4': 35, '3': 15, '2': 10, '1': 5 })) });
        }
      }
    }
    return { activities, debriefs };
  };
}
