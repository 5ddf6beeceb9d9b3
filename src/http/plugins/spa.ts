import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './errors.js';

/**
 * Serves the built single-page app from dist/web; any other GET that accepts HTML gets
 * index.html so client-side routes work. Unknown API paths get a 404 problem.
 */
export const spaPlugin = fp(async (app: FastifyInstance, opts: { webRoot: string }) => {
  const indexPath = join(opts.webRoot, 'index.html');
  const hasWeb = existsSync(indexPath);
  const indexHtml = hasWeb ? readFileSync(indexPath, 'utf8') : null;
  if (hasWeb) {
    await app.register(fastifyStatic, { root: opts.webRoot, wildcard: false, index: false, maxAge: '1h', immutable: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage = request.method === 'GET' && !path.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && indexHtml) {
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml);
    }
    if (wantsPage) {
      return sendProblem(reply, { status: 404, title: 'Web app not built', detail: 'Run `npm run build` to build the web app.' });
    }
    return sendProblem(reply, { status: 404, title: 'Not found', detail: `No route for ${request.method} ${path}.` });
  });
});
