import { z } from 'zod';
import { SEARCH_FACETS, SEARCH_SORTS, type AdvocateFilters } from '../../../domain/search/advocate-filters.js';
import { bandFor, COMPANY_SIZE_BANDS } from '../../../domain/taxonomy/program-facets.js';
import { advocatePolicy } from '../../../policies/advocates.js';
import { authorize } from '../../../policies/authorize.js';
import { searchAdvocates } from '../../../services/search/search-advocates.js';
import { requireActor } from '../../plugins/auth.js';
import { problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { advocateSchema, presentAdvocate } from './presenter.js';

/** A facet parameter: repeated (`topic=a&topic=b`) or comma-separated (`topic=a,b`). */
const keyList = z
  .union([z.string().max(2000), z.array(z.string().max(200)).max(100)])
  .transform((value) => (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean));

export const searchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  accountId: z.uuid({ message: 'must be a UUID' }).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  ...Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, keyList.optional()])),
});

const facetCounts = z.array(z.object({ key: z.string(), count: z.number().int() }));

const searchResponse = z.object({
  items: z.array(
    z.object({
      advocate: advocateSchema,
      account: z.object({
        id: z.uuid(),
        name: z.string(),
        industryKey: z.string().nullable(),
        hqCountry: z.string().nullable(),
        employeeCount: z.number().int().nullable(),
        companySize: z.string().nullable(),
        referenceStatus: z.string(),
      }),
      rank: z.number().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  facets: z.object(Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, facetCounts]))),
});

export function registerAdvocateSearchRoute(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/advocates/search',
    {
      schema: {
        tags: ['advocates'],
        summary: 'Faceted full-text search of advocates, with counts per facet value (contact details never included)',
        description:
          'Filters combine with AND across facets and OR within a facet. status defaults to active. Each facet’s counts ignore that facet’s own filter.',
        querystring: searchQuery,
        response: { 200: searchResponse, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(advocatePolicy.read(actor));
      const { q, sort, cursor, limit, accountId, ...rest } = request.query as z.infer<typeof searchQuery> & Record<string, string[] | undefined>;
      const filters: AdvocateFilters = { accountId };
      for (const facet of SEARCH_FACETS) if (rest[facet]) filters[facet] = rest[facet];
      const result = await searchAdvocates(deps, { q, filters, sort, cursor, limit });
      const now = deps.now();
      return {
        total: result.total,
        nextCursor: result.nextCursor,
        facets: result.facets,
        items: result.hits.map((hit) => ({
          advocate: presentAdvocate(
            { advocate: hit.advocate, account: hit.account, blackouts: [] },
            { now, staleAfterMonths: deps.config.staleAfterMonths, canReveal: advocatePolicy.revealContact(actor, { accountOwnerUserId: hit.account.ownerUserId }) },
          ),
          account: {
            id: hit.account.id,
            name: hit.account.name,
            industryKey: hit.account.industryKey,
            hqCountry: hit.account.hqCountry,
            employeeCount: hit.account.employeeCount,
            companySize: bandFor(COMPANY_SIZE_BANDS, 'employees', hit.account.employeeCount),
            referenceStatus: hit.account.referenceStatus,
          },
          rank: hit.rank,
        })),
      };
    },
  );
}
