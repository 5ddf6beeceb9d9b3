import { normalizeValue, type TaxonomyEntry } from './values.js';

/**
 * Lenient reading of CRM deal values: stage names (Salesforce's and HubSpot's standard stages,
 * or the pipeline's own labels and keys) and close dates as CRMs export them.
 */
export type StageMatch = { key: string } | { outcome: 'won' | 'lost' } | { reason: string };

export interface StageMatcher {
  match(value: string): StageMatch;
}

/** Standard Salesforce opportunity stages and HubSpot deal stages (labels and internal ids) → default pipeline keys. */
const STAGE_SYNONYMS: [string, string][] = [
  ['Prospecting', 'qualification'],
  ['Qualify', 'qualification'],
  ['Needs Analysis', 'discovery'],
  ['Id. Decision Makers', 'discovery'],
  ['Identify Decision Makers', 'discovery'],
  ['Value Proposition', 'demonstration'],
  ['Demo', 'demonstration'],
  ['Perception Analysis', 'evaluation'],
  ['Proof of Concept', 'evaluation'],
  ['POC', 'evaluation'],
  ['Technical Validation', 'evaluation'],
  ['Proposal/Price Quote', 'proposal'],
  ['Proposal Price Quote', 'proposal'],
  ['Quote', 'proposal'],
  ['Negotiation/Review', 'negotiation'],
  ['Negotiation Review', 'negotiation'],
  ['Closing', 'commit'],
  ['Commit', 'commit'],
  ['Appointment Scheduled', 'qualification'],
  ['appointmentscheduled', 'qualification'],
  ['Qualified To Buy', 'discovery'],
  ['qualifiedtobuy', 'discovery'],
  ['Presentation Scheduled', 'demonstration'],
  ['presentationscheduled', 'demonstration'],
  ['Decision Maker Bought-In', 'evaluation'],
  ['decisionmakerboughtin', 'evaluation'],
  ['Contract Sent', 'negotiation'],
  ['contractsent', 'negotiation'],
];

const CLOSED: [string, 'won' | 'lost'][] = [
  ['Closed Won', 'won'],
  ['closedwon', 'won'],
  ['Won', 'won'],
  ['Closed Lost', 'lost'],
  ['closedlost', 'lost'],
  ['Lost', 'lost'],
];

/**
 * Matches a CRM stage to a live pipeline stage: its key, its label, then the CRMs' standard stage
 * names (only where the default stage they point to is still in use). "Closed Won" and
 * "Closed Lost" are outcomes, not stages.
 */
export function createStageMatcher(liveStages: readonly TaxonomyEntry[]): StageMatcher {
  const live = new Set(liveStages.map((s) => s.key));
  const lookup = new Map<string, StageMatch>();
  for (const [name, key] of STAGE_SYNONYMS) if (live.has(key)) lookup.set(normalizeValue(name), { key });
  for (const [name, outcome] of CLOSED) lookup.set(normalizeValue(name), { outcome });
  for (const s of liveStages) lookup.set(normalizeValue(s.label), { key: s.key });
  for (const s of liveStages) lookup.set(normalizeValue(s.key), { key: s.key });
  const names = liveStages.map((s) => s.label).join(', ');
  return {
    match(value) {
      return lookup.get(normalizeValue(value)) ?? { reason: `"${value}" is not a stage of the pipeline (${names}; or Closed Won / Closed Lost)` };
    },
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoIfReal(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * A date as CRMs export it → 'YYYY-MM-DD': ISO dates (with or without a time), "3/31/2025"
 * (Salesforce in US format; read as day/month when the first number is over 12), "31.03.2025"
 * and "31-03-2025" (day first). Null when it is not a real date.
 */
export function parseCrmDate(raw: string): string | null {
  const text = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(text);
  if (iso) return isoIfReal(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const slash = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: .*)?$/.exec(text);
  if (slash) {
    const [a, b, year] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
    return a > 12 ? isoIfReal(year, b, a) : isoIfReal(year, a, b);
  }
  const dayFirst = /^(\d{1,2})[.-](\d{1,2})[.-](\d{4})(?: .*)?$/.exec(text);
  if (dayFirst) return isoIfReal(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  return null;
}
