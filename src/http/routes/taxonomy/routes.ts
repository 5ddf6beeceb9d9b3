import { z } from 'zod';
import { FACETS } from '../../../domain/taxonomy/types.js';
import { authorize } from '../../../policies/authorize.js';
import { taxonomyPolicy } from '../../../policies/taxonomy.js';
import { addTaxonomyValue } from '../../../services/taxonomy/add-taxonomy-value.js';
import { listFacets, listTaxonomy } from '../../../services/taxonomy/list-taxonomy.js';
import { mergeTaxonomyValues } from '../../../services/taxonomy/merge-taxonomy-values.js';
import { restoreTaxonomyValue, retireTaxonomyValue } from '../../../services/taxonomy/retire-taxonomy-value.js';
import { updateTaxonomyValue } from '../../../services/taxonomy/update-taxonomy-value.js';
import { KEY_MAX_LENGTH, LABEL_MAX_LENGTH } from '../../../services/taxonomy/value-rules.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { facetSummarySchema, presentTaxonomyValue, taxonomyValueSchema } from './presenter.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

const facetParams = z.object({ facet: z.enum(FACETS, { error: `must be one of: ${FACETS.join(', ')}` }) });
const flag = z.stringbool({ error: 'must be true or false' }).optional();

const label = z.string().trim().min(1, 'is required').max(LABEL_MAX_LENGTH, `must be at most ${LABEL_MAX_LENGTH} characters`);
const parentKey = z.string().trim().max(KEY_MAX_LENGTH).nullable().optional();
const sortOrder = z.number().int('must be a whole number').min(-1_000_000).max(1_000_000).optional();
const attributes = z
  .record(z.string(), z.unknown())
  .refine((a) => JSON.stringify(a).length <= 10_000, 'must be at most 10,000 characters as JSON')
  .optional();

const mergeResultSchema = z.object({
  value: taxonomyValueSchema,
  rewritten: z.object({ accounts: z.number().int(), advocates: z.number().int() }),
});

export function registerTaxonomyRoutes(app: ZodApp, deps: RouteDeps): void {
  app.get(
    '/api/taxonomy',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'Every facet with how many values are live and retired',
        response: { 200: z.object({ items: z.array(facetSummarySchema) }), ...errors },
      },
    },
    async (request) => {
      authorize(taxonomyPolicy.read(requireActor(request)));
      return { items: await listFacets(deps) };
    },
  );

  app.get(
    '/api/taxonomy/:facet',
    {
      schema: {
        tags: ['taxonomy'],
        summary: "A facet's values in display order (usage counts: admins)",
        params: facetParams,
        querystring: z.object({ includeRetired: flag, withUsage: flag }),
        response: { 200: z.object({ items: z.array(taxonomyValueSchema) }), ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(taxonomyPolicy.read(actor));
      const { includeRetired = false, withUsage = false } = request.query;
      if (withUsage) authorize(taxonomyPolicy.viewUsage(actor), 'Only admins can see how much each value is used.');
      const values = await listTaxonomy(deps, request.params.facet, { includeRetired, withUsage });
      return { items: values.map((v) => presentTaxonomyValue(v.value, v.usage)) };
    },
  );

  app.post(
    '/api/taxonomy/:facet',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'Add a value to a facet (admins)',
        params: facetParams,
        body: z.object({ label, key: z.string().trim().max(KEY_MAX_LENGTH).optional(), parentKey, sortOrder, attributes }).strict(),
        response: { 201: taxonomyValueSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(taxonomyPolicy.add(actor));
      const value = await addTaxonomyValue(deps, actor, request.params.facet, request.body);
      return reply.code(201).send(presentTaxonomyValue(value));
    },
  );

  app.patch(
    '/api/taxonomy-values/:id',
    {
      schema: {
        tags: ['taxonomy'],
        summary: "Rename, reorder, move or change a value's attributes (admins); records keep the key",
        params: idParams,
        body: z.object({ label: label.optional(), parentKey, sortOrder, attributes }).strict(),
        response: { 200: taxonomyValueSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(taxonomyPolicy.update(actor));
      return presentTaxonomyValue(await updateTaxonomyValue(deps, actor, request.params.id, request.body));
    },
  );

  for (const [verb, retire] of [['retire', true], ['restore', false]] as const) {
    app.post(
      `/api/taxonomy-values/:id/${verb}`,
      {
        schema: {
          tags: ['taxonomy'],
          summary: retire ? 'Retire a value: hidden from pickers, kept on records (admins)' : 'Restore a retired value (admins)',
          params: idParams,
          response: { 200: taxonomyValueSchema, ...errors },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        authorize(taxonomyPolicy.retire(actor));
        const value = retire ? await retireTaxonomyValue(deps, actor, request.params.id) : await restoreTaxonomyValue(deps, actor, request.params.id);
        return presentTaxonomyValue(value);
      },
    );
  }

  app.post(
    '/api/taxonomy-values/:id/merge',
    {
      schema: {
        tags: ['taxonomy'],
        summary: 'Merge a value into another of the same facet, rewriting every record that holds it (admins)',
        params: idParams,
        body: z.object({ intoId: z.uuid({ message: 'must be a UUID' }) }).strict(),
        response: { 200: mergeResultSchema, ...errors },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(taxonomyPolicy.merge(actor));
      const result = await mergeTaxonomyValues(deps, actor, request.params.id, request.body.intoId);
      return { value: presentTaxonomyValue(result.value), rewritten: result.rewritten };
    },
  );
}
