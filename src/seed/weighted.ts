import type { Faker } from '@faker-js/faker';

/** Picks a key with probability proportional to its weight. */
export function weightedPick<T extends string>(faker: Faker, weights: Record<T, number>): T {
  const entries = Object.entries(weights) as [T, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = faker.number.float({ min: 0, max: total });
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll <= 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** A log-normal draw clamped to [min, max]: most companies are small, a few are huge. */
export function logNormal(faker: Faker, median: number, spread: number, min: number, max: number): number {
  const u1 = faker.number.float({ min: Number.EPSILON, max: 1 });
  const u2 = faker.number.float({ min: 0, max: 1 });
  const normal = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  return Math.round(Math.min(max, Math.max(min, median * Math.exp(normal * spread))));
}

export function someOf<T>(faker: Faker, items: readonly T[], min: number, max: number): T[] {
  return faker.helpers.arrayElements([...items], { min: Math.min(min, items.length), max: Math.min(max, items.length) });
}
