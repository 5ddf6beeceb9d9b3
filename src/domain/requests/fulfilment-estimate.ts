/**
 * "Similar requests took a median of N business days", learned from fulfilled requests
 * (submission to the activity's date). Pure: the median of the most specific group with enough
 * history: same activity type and region, else the same activity type, else every request.
 */
export interface FulfilmentSample {
  activityTypeKey: string;
  region: string | null;
  businessDays: number;
}
export interface FulfilmentEstimate {
  medianBusinessDays: number;
  sampleSize: number;
  basis: 'type_and_region' | 'type' | 'all';
}

export const DEFAULT_MIN_SAMPLES = 5;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 10) / 10;
}

/** The estimate, or null when even the whole history has fewer than `minSamples` requests. */
export function estimateFulfilment(
  samples: FulfilmentSample[],
  activityTypeKey: string,
  region: string | null,
  minSamples = DEFAULT_MIN_SAMPLES,
): FulfilmentEstimate | null {
  const needed = Math.max(1, minSamples);
  const usable = samples.filter((s) => Number.isFinite(s.businessDays) && s.businessDays >= 0);
  const sameType = usable.filter((s) => s.activityTypeKey === activityTypeKey);
  const groups: [FulfilmentEstimate['basis'], FulfilmentSample[]][] = [
    ['type_and_region', region === null ? [] : sameType.filter((s) => s.region === region)],
    ['type', sameType],
    ['all', usable],
  ];
  for (const [basis, group] of groups) {
    if (group.length >= needed) return { medianBusinessDays: median(group.map((s) => s.businessDays)), sampleSize: group.length, basis };
  }
  return null;
}

/** The sentence shown before submitting, e.g. "Similar requests (reference calls in Europe) took a median of 6 business days (12 requests)." */
export function describeFulfilmentEstimate(estimate: FulfilmentEstimate | null, labels: { activityPlural: string; region?: string | null }): string {
  if (!estimate) return 'Not enough fulfilled requests yet to estimate how long this takes.';
  const scope =
    estimate.basis === 'type_and_region' && labels.region
      ? `${labels.activityPlural} in ${labels.region}`
      : estimate.basis === 'all'
        ? 'all kinds of reference'
        : labels.activityPlural;
  const n = estimate.medianBusinessDays;
  return `Similar requests (${scope}) took a median of ${n} business ${n === 1 ? 'day' : 'days'} (${estimate.sampleSize} requests).`;
}
