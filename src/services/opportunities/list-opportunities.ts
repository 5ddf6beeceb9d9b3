import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { opportunities, type OpportunityOutcome } from '../../db/schema/index.js';
import type { ServiceDeps } from '../context.js';
import { invalidInput } from '../errors.js';
import { decodeCursorParts, encodeCursorParts, UUID_PATTERN, type Page } from '../pagination.js';
import { withRefs, type OpportunityWithRefs } from './opportunity-fields.js';

export const OPPORTUNITY_SORTS = ['updated', 'close_date', 'name', 'amount'] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

export interface ListOpportunitiesQuery {
  /** Part of the opportunity's or the prospect's name, or its CRM id. */
  q?: string;
  stage?: string;
  ownerId?: string;
  outcome?: OpportunityOutcome;
  /** updated: latest change first; close_date: soonest first (none last); name: A–Z; amount: largest first (none last). */
  sort: OpportunitySort;
  cursor?: string;
  limit: number;
}

interface SortSpec {
  /** The sort key as SQL; blanks mapped to a value that sorts last. */
  key: SQL;
  /** The SQL type the cursor's text is cast back to. */
  cast: SQL;
  direction: 'asc' | 'desc';
}

const SORTS: Record<OpportunitySort, SortSpec> = {
  updated: { key: sql`${opportunities.updatedAt}`, cast: sql`timestamptz`, direction: 'desc' },
  close_date: { key: sql`coalesce(${opportunities.closeDate}, '9999-12-31'::date)`, cast: sql`date`, direction: 'asc' },
  name: { key: sql`lower(${opportunities.name})`, cast: sql`text`, direction: 'asc' },
  amount: { key: sql`coalesce(${opportunities.amountUsd}, -1)`, cast: sql`bigint`, direction: 'desc' },
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Keyset-paged opportunities: the cursor is (sort, sort key as text, id), compared exactly as the ORDER BY sorts. */
export async function listOpportunities(deps: ServiceDeps, query: ListOpportunitiesQuery): Promise<Page<OpportunityWithRefs>> {
  const spec = SORTS[query.sort];
  const parts = decodeCursorParts(query.cursor, 3, (part, i) => (i === 0 ? part === query.sort : i === 1 || UUID_PATTERN.test(part)), 'is not a cursor this API returned for this sort');
  const conditions: (SQL | undefined)[] = [];
  if (parts) {
    const operator = spec.direction === 'asc' ? sql`>` : sql`<`;
    conditions.push(sql`(${spec.key}, ${opportunities.id}) ${operator} (cast(${parts[1]} as ${spec.cast}), ${parts[2]}::uuid)`);
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(opportunities.name, pattern), ilike(opportunities.prospectName, pattern), eq(opportunities.crmId, query.q)));
  }
  if (query.stage) conditions.push(eq(opportunities.stageKey, query.stage));
  if (query.ownerId) conditions.push(eq(opportunities.ownerUserId, query.ownerId));
  if (query.outcome) conditions.push(eq(opportunities.outcome, query.outcome));
  const direction = spec.direction === 'asc' ? sql`asc` : sql`desc`;
  let rows: { opportunity: typeof opportunities.$inferSelect; sortKey: string }[];
  try {
    rows = await deps.db
      .select({ opportunity: opportunities, sortKey: sql<string>`(${spec.key})::text` })
      .from(opportunities)
      .where(and(...conditions))
      .orderBy(sql`${spec.key} ${direction}`, sql`${opportunities.id} ${direction}`)
      .limit(query.limit + 1);
  } catch (error) {
    // A hand-made cursor whose key does not cast is the caller's mistake, not ours.
    const code = (error as { code?: unknown; cause?: { code?: unknown } }).cause?.code ?? (error as { code?: unknown }).code;
    if (parts && typeof code === 'string' && code.startsWith('22')) throw invalidInput([{ field: 'query.cursor', reason: 'is not a cursor this API returned' }]);
    throw error;
  }
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: await withRefs(deps.db, page.map((r) => r.opportunity)),
    nextCursor: rows.length > query.limit && last ? encodeCursorParts([query.sort, last.sortKey, last.opportunity.id]) : null,
  };
}
