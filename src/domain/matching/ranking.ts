/** What ranking needs of a candidate. */
export interface Rankable {
  advocateId: string;
  score: number;
  /** The latest counted use; null when never used. */
  lastUsedOn: string | null;
}

/**
 * Best first. Equal scores rotate: the least recently used comes first (never used before
 * anyone), then the advocate id, so the order is total and stable.
 */
export function compareMatches(a: Rankable, b: Rankable): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.lastUsedOn !== b.lastUsedOn) {
    if (a.lastUsedOn === null) return -1;
    if (b.lastUsedOn === null) return 1;
    return a.lastUsedOn < b.lastUsedOn ? -1 : 1;
  }
  return a.advocateId < b.advocateId ? -1 : a.advocateId > b.advocateId ? 1 : 0;
}
