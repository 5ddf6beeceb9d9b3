import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { taxonomyValues } from '../../db/schema/index.js';
import { advocateFreshness } from '../../domain/advocate-freshness.js';
import { ADVOCATE_STATUS_LABELS } from '../../domain/advocate-lifecycle.js';
import type { Facet } from '../../domain/taxonomy/types.js';
import { recordAudit } from '../audit/record-audit.js';
import type { Actor, ServiceDeps } from '../context.js';
import { searchAdvocateHits, type SearchAdvocatesQuery } from '../search/search-advocates.js';
import type { SearchHitRow } from '../search/search-hits.js';

export type ExportAdvocatesQuery = Omit<SearchAdvocatesQuery, 'cursor' | 'limit'>;

/** The CSV's header row, in column order. */
export const EXPORT_COLUMNS = [
  'Name',
  'First name',
  'Last name',
  'Title',
  'Account',
  'Seniority',
  'Function',
  'Technical or business',
  'Country',
  'Time zone',
  'Languages',
  'Topics',
  'Use cases',
  'Products',
  'Willing to do',
  'Status',
  'Last verified',
  'Freshness',
  'Points',
  'CRM id',
  'E-mail',
  'Phone',
  'Advocate id',
  'Account id',
  'Profile',
] as const;

const LABELLED_FACETS: Facet[] = ['seniority', 'function', 'country', 'language', 'topic', 'use_case', 'product', 'activity_type'];
const FRESHNESS_LABELS = { fresh: 'Fresh', due: 'Due for review', stale: 'Stale', never_verified: 'Never verified' } as const;
const LIST_SEPARATOR = '; ';

/**
 * A spreadsheet must not run a cell as a formula (CSV injection): text starting with = + - @
 * or a control character gets a leading apostrophe. Numbers and phone numbers stay as they are.
 */
export function neutralizeCell(value: string): string {
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (/^[+-]?[0-9 ()./-]*$/.test(value)) return value;
  return `'${value}`;
}

type Labels = (facet: Facet, key: string | null) => string;

async function loadLabels(deps: ServiceDeps): Promise<Labels> {
  const rows = await deps.db
    .select({ facet: taxonomyValues.facet, key: taxonomyValues.key, label: taxonomyValues.label })
    .from(taxonomyValues)
    .where(inArray(taxonomyValues.facet, LABELLED_FACETS));
  const map = new Map(rows.map((r) => [`${r.facet}:${r.key}`, r.label]));
  return (facet, key) => (key === null ? '' : (map.get(`${facet}:${key}`) ?? key));
}

export interface ExportAdvocatesOptions {
  /** Whether the actor may see this advocate's e-mail and phone (the policy, per row). */
  canRevealContact: (hit: SearchHitRow) => boolean;
  pageSize?: number;
}

/**
 * Every advocate the search matches, as CSV records (header first), read page by page so an
 * export of any size streams in constant memory. E-mail and phone are filled only where the
 * policy allows; before a page with any of them leaves the server, an
 * `advocate.contacts_exported` audit event names the advocates, the count and the search.
 */
export async function* exportAdvocates(deps: ServiceDeps, actor: Actor, query: ExportAdvocatesQuery, options: ExportAdvocatesOptions): AsyncGenerator<string[]> {
  const labels = await loadLabels(deps);
  const now = deps.now();
  const exportId = randomUUID();
  const pageSize = options.pageSize ?? 500;
  yield [...EXPORT_COLUMNS];
  let cursor: string | undefined;
  let page = 0;
  do {
    const result = await searchAdvocateHits(deps, { ...query, cursor, limit: pageSize });
    page += 1;
    const revealed = result.hits.filter((hit) => (hit.advocate.email || hit.advocate.phone) && options.canRevealContact(hit));
    if (revealed.length) {
      await deps.db.transaction((tx) =>
        recordAudit(tx, {
          action: 'advocate.contacts_exported',
          actor,
          target: { type: 'advocate_export', id: exportId, label: `CSV export, part ${page}` },
          details: {
            count: revealed.length,
            fields: ['email', 'phone'],
            advocateIds: revealed.map((hit) => hit.advocate.id),
            part: page,
            search: { q: query.q ?? null, sort: query.sort, filters: query.filters },
          },
        }),
      );
    }
    const shown = new Set(revealed.map((hit) => hit.advocate.id));
    for (const hit of result.hits) yield toRecord(hit, shown.has(hit.advocate.id), labels, now, deps);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
}

function toRecord(hit: SearchHitRow, showContact: boolean, label: Labels, now: Date, deps: ServiceDeps): string[] {
  const a = hit.advocate;
  const list = (facet: Facet, keys: readonly string[]) => keys.map((k) => label(facet, k)).join(LIST_SEPARATOR);
  const willing = Object.entries(a.willingness)
    .filter(([, answer]) => answer === 'yes')
    .map(([activity]) => activity);
  const cells = [
    `${a.firstName} ${a.lastName}`,
    a.firstName,
    a.lastName,
    a.title ?? '',
    hit.account.name,
    label('seniority', a.seniorityKey),
    label('function', a.functionKey),
    a.orientation ?? '',
    label('country', a.country),
    a.timeZone ?? '',
    list('language', a.languageKeys),
    list('topic', a.topicKeys),
    list('use_case', a.useCaseKeys),
    list('product', a.productKeys),
    list('activity_type', willing),
    ADVOCATE_STATUS_LABELS[a.status],
    a.lastVerifiedAt ? a.lastVerifiedAt.toISOString().slice(0, 10) : '',
    FRESHNESS_LABELS[advocateFreshness(a.lastVerifiedAt, now, deps.config.staleAfterMonths)],
    String(a.points),
    a.crmId ?? '',
    showContact ? (a.email ?? '') : '',
    showContact ? (a.phone ?? '') : '',
    a.id,
    hit.account.id,
    `${deps.config.publicUrl}/advocates/${a.id}`,
  ];
  return cells.map(neutralizeCell);
}
