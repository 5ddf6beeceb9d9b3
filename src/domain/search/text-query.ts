/**
 * Turns what a person types into a PostgreSQL tsquery with prefix matching:
 * "sec migr" → "sec:* & migr:*". Quotes, operators and punctuation are dropped, so no input
 * can make the query invalid. Returns null when nothing searchable remains.
 */
export function toPrefixTsQuery(input: string, maxTerms = 8): string | null {
  const terms = toSearchTerms(input, maxTerms);
  return terms.length ? terms.map((term) => `${term}:*`).join(' & ') : null;
}

/** The words of a query: letters and digits only, lower-cased, at most `maxTerms`. */
export function toSearchTerms(input: string, maxTerms = 8): string[] {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, maxTerms);
}
