import type { GeoCloseness } from './geography.js';

/**
 * How alike two things are, from 0 to 1, for the score factors. Shared by the explained score
 * (score.ts) and the cheap SQL pre-ranking, so both rank by the same idea of "close".
 */
export const INDUSTRY_SIMILARITY = { same: 1, sameSector: 0.5 } as const;

export const GEO_SIMILARITY: Record<GeoCloseness, number> = {
  same_country: 1,
  same_subregion: 0.7,
  same_region: 0.5,
  shared_language: 0.3,
  far: 0,
};

/** Parts of the persona factor when several are asked: seniority weighs most. */
export const PERSONA_PARTS = { seniority: 0.6, function: 0.4, orientation: 0.4 } as const;

/**
 * Seniority: a VP wants a peer. `diff` is the advocate's rank minus the prospect contact's
 * (5 C-level … 1 individual contributor): one level more senior still serves, one below less so.
 */
export function senioritySimilarity(diff: number): number {
  switch (diff) {
    case 0:
      return 1;
    case 1:
      return 0.75;
    case -1:
      return 0.5;
    case 2:
      return 0.4;
    case -2:
      return 0.2;
    default:
      return 0;
  }
}

/** Orders of magnitude between two company sizes at which scale stops counting. */
export const SCALE_ZERO_AT_DECADES = 2;

/** Company scale: 1 at the same size, 0 at two orders of magnitude apart (log scale). */
export function scaleSimilarity(decadesApart: number): number {
  return Math.max(0, 1 - Math.abs(decadesApart) / SCALE_ZERO_AT_DECADES);
}

/** Profile freshness: full until half the stale period, nothing at twice it. */
export function freshnessSimilarity(monthsSinceVerified: number | null, staleAfterMonths: number): number {
  if (monthsSinceVerified === null) return 0;
  const fullUntil = staleAfterMonths / 2;
  const zeroAt = staleAfterMonths * 2;
  if (monthsSinceVerified <= fullUntil) return 1;
  return Math.max(0, 1 - (monthsSinceVerified - fullUntil) / (zeroAt - fullUntil));
}

/** Days after which an advocate counts as fully rested for the load factor. */
export const RESTED_AFTER_DAYS = 90;

/**
 * Recent load, preferring the rested: mostly the share of the personal cap still free, partly
 * the days since the last use (a use still to come counts as not rested).
 */
export function loadSimilarity(used: number, cap: number, daysSinceLastUse: number | null): number {
  const free = cap > 0 ? Math.min(1, Math.max(0, 1 - used / cap)) : 0;
  const rested = daysSinceLastUse === null ? 1 : daysSinceLastUse <= 0 ? 0 : Math.min(1, daysSinceLastUse / RESTED_AFTER_DAYS);
  return 0.6 * free + 0.4 * rested;
}

/** Neutral track record for advocates without history. */
export const NEUTRAL_TRACK_RECORD = 0.5;

/** A rate with one success and one failure assumed (Laplace), so one answer does not decide. */
export function smoothedRate(successes: number, trials: number): number {
  return (successes + 1) / (trials + 2);
}
