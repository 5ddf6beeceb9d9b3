import { pipeline, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { z } from 'zod';
import { SEARCH_FACETS, type AdvocateFilters } from '../../../domain/search/advocate-filters.js';
import { advocatePolicy } from '../../../policies/advocates.js';
import { authorize } from '../../../policies/authorize.js';
import { exportAdvocates } from '../../../services/advocates/export-advocates.js';
import { requireActor } from '../../plugins/auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { searchQuery } from './search-route.js';

const exportQuery = searchQuery.omit({ cursor: true, limit: true });

/** The download's file name, dated in UTC: vouch-advocates-2026-05-01.csv. */
export function exportFileName(now: Date): string {
  return `vouch-advocates-${now.toISOString().slice(0, 10)}.csv`;
}

export function registerAdvocateExportRoute(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/advocates/search/export.csv',
    {
      schema: {
        tags: ['advocates'],
        summary: 'Every advocate the search matches, as CSV (the same parameters as the search, without paging)',
        description:
          'E-mail and phone are filled only for advocates whose contact details the caller may see (admins; the relationship owner for their accounts) ' +
          'and empty otherwise. Every export that includes contact details is written to the audit log.',
        querystring: exportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('text/csv, UTF-8 with a byte order mark'), 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.export(actor));
      const { q, sort, accountId, ...rest } = request.query as z.infer<typeof exportQuery> & Record<string, string[] | undefined>;
      const filters: AdvocateFilters = { accountId };
      for (const facet of SEARCH_FACETS) if (rest[facet]) filters[facet] = rest[facet];

      const records = exportAdvocates(deps, actor, { q, sort, filters }, {
        canRevealContact: (hit) => advocatePolicy.revealContact(actor, { accountOwnerUserId: hit.account.ownerUserId }),
      });
      // Read the header and the first page before answering, so bad input is still a 4xx problem.
      const head: string[][] = [];
      for (let i = 0; i < 2; i += 1) {
        const next = await records.next();
        if (next.done) break;
        head.push(next.value);
      }
      async function* all(): AsyncGenerator<string[]> {
        yield* head;
        yield* records;
      }
      // pipeline: a failure or a closed connection on either side stops the other (and the page reads).
      const csv = pipeline(Readable.from(all()), stringify({ bom: true, record_delimiter: 'windows' }), (error) => {
        if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') request.log.error({ err: error }, 'advocate export failed');
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${exportFileName(deps.now())}"`)
        .header('cache-control', 'no-store')
        // A stream is sent as it is (never serialized); the 200 schema only documents the CSV.
        .send(csv as unknown as string);
    },
  );
}
