import { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createImportRunner } from '../../../jobs/import-runner.js';
import { authorize } from '../../../policies/authorize.js';
import { importPolicy } from '../../../policies/imports.js';
import { streamImportReport } from '../../../services/imports/import-report.js';
import { getImport, listImportRows, listImports, previewImport } from '../../../services/imports/list-imports.js';
import { startImportRun } from '../../../services/imports/start-import-run.js';
import { updateImportMapping, uploadImport } from '../../../services/imports/upload-import.js';
import { requireActor } from '../../plugins/auth.js';
import { idParams, pageOf, pageQuery, problemSchema, type RouteDeps, type ZodApp } from '../types.js';
import { presentImportJob, presentPreviewRow, presentRowResult, presentSample } from './presenter.js';
import { importJobSchema, importPreviewSchema, importRowResultSchema, mappingBody, rowsQuery, runBody, uploadedImportSchema, uploadQuery } from './schemas.js';

const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
/** Large CRM exports: 100k rows with wide columns stay well under this. */
export const IMPORT_BODY_LIMIT = 100 * 1024 * 1024;

export function registerImportRoutes(app: ZodApp, deps: RouteDeps): void {
  const runner = createImportRunner(deps);
  app.addHook('onClose', () => runner.stop());

  // The CSV arrives as the request body, as text; only the upload route accepts it.
  void app.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/imports',
      {
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['imports'],
          summary: 'Upload a CSV of accounts, advocates or opportunities (admins). Body: the file as text/csv (UTF-8; "," or ";" separated). Detects Salesforce and HubSpot headers and suggests a mapping; imports nothing yet.',
          consumes: ['text/csv'],
          querystring: uploadQuery,
          body: z.string().describe('The CSV file'),
          response: { 201: uploadedImportSchema, 413: problemSchema, 415: problemSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        authorize(importPolicy.upload(actor));
        const { job, sample } = await uploadImport(deps, actor, { kind: request.query.kind, fileName: request.query.fileName, csv: request.body });
        return reply.code(201).send({ job: presentImportJob({ job, createdBy: { id: actor.userId, name: actor.name } }), sample: presentSample(sample, job.headers, job.mapping) });
      },
    );
  });

  app.get(
    '/api/imports',
    { schema: { tags: ['imports'], summary: 'Imports, newest first (admins)', querystring: z.object(pageQuery), response: { 200: pageOf(importJobSchema), ...errors } } },
    async (request) => {
      authorize(importPolicy.list(requireActor(request)));
      const page = await listImports(deps, request.query);
      return { items: page.items.map(presentImportJob), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/imports/:id',
    { schema: { tags: ['imports'], summary: 'One import with its mapping and progress (admins); poll it while it runs', params: idParams, response: { 200: importJobSchema, ...errors } } },
    async (request) => {
      authorize(importPolicy.view(requireActor(request)));
      return presentImportJob(await getImport(deps, request.params.id));
    },
  );

  app.patch(
    '/api/imports/:id',
    {
      schema: { tags: ['imports'], summary: 'Change the column mapping (admins)', params: idParams, body: mappingBody, response: { 200: importJobSchema, ...errors } },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(importPolicy.map(actor));
      const job = await updateImportMapping(deps, actor, request.params.id, request.body.mapping);
      return presentImportJob(await getImport(deps, job.id));
    },
  );

  app.get(
    '/api/imports/:id/preview',
    {
      schema: {
        tags: ['imports'],
        summary: 'The first rows read through the current mapping, with each row’s problems (admins)',
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) }),
        response: { 200: importPreviewSchema, ...errors },
      },
    },
    async (request) => {
      authorize(importPolicy.view(requireActor(request)));
      const { job, records, rows } = await previewImport(deps, request.params.id, request.query.limit);
      return { sample: presentSample(records, job.headers, job.mapping), rows: rows.map(presentPreviewRow) };
    },
  );

  app.post(
    '/api/imports/:id/runs',
    {
      schema: {
        tags: ['imports'],
        summary: 'Start a dry run or the import (admins). Answers 202 at once; poll GET /api/imports/{id} for progress.',
        params: idParams,
        body: runBody,
        response: { 202: importJobSchema, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(importPolicy.run(actor));
      const job = await startImportRun(deps, actor, request.params.id, request.body.dryRun);
      runner.start(job.id);
      return reply.code(202).send(presentImportJob({ job, createdBy: (await getImport(deps, job.id)).createdBy }));
    },
  );

  app.get(
    '/api/imports/:id/rows',
    {
      schema: {
        tags: ['imports'],
        summary: 'What the last run did with each row, in row order (admins)',
        params: idParams,
        querystring: rowsQuery.extend(pageQuery),
        response: { 200: pageOf(importRowResultSchema), ...errors },
      },
    },
    async (request) => {
      authorize(importPolicy.view(requireActor(request)));
      const page = await listImportRows(deps, request.params.id, request.query);
      return { items: page.items.map(presentRowResult), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/api/imports/:id/report.csv',
    {
      schema: {
        tags: ['imports'],
        summary: 'The last run’s report as CSV: row, outcome, record_id, label, errors (admins)',
        params: idParams,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      authorize(importPolicy.downloadReport(requireActor(request)));
      const { job } = await getImport(deps, request.params.id);
      const name = `${job.fileName.replace(/\.csv$/i, '').replace(/[^\w.-]+/g, '_')}-report.csv`;
      const lines = streamImportReport(deps, job.id);
      // Fail with a problem (404) before the first byte rather than mid-stream.
      const first = await lines.next();
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(Readable.from(withFirst(first, lines)));
    },
  );
}

async function* withFirst(first: IteratorResult<string>, rest: AsyncGenerator<string>): AsyncGenerator<string> {
  if (first.done) return;
  yield first.value;
  yield* rest;
}
