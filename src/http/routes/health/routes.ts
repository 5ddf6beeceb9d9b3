import { z } from 'zod';
import { checkReadiness } from '../../../db/migrate.js';
import { sendProblem } from '../../plugins/errors.js';
import type { RouteDeps, ZodApp } from '../types.js';

export function registerHealthRoutes(app: ZodApp, deps: RouteDeps & { databaseKind: string }): void {
  app.get(
    '/healthz',
    { config: { public: true }, logLevel: 'warn', schema: { tags: ['health'], summary: 'The process is alive', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    { config: { public: true }, logLevel: 'warn', schema: { tags: ['health'], summary: 'The database is reachable and migrations are current', security: [] } },
    async (request, reply) => {
      const readiness = await checkReadiness(deps.db);
      if (!readiness.ready) {
        request.log.warn({ reason: readiness.reason }, 'not ready');
        return sendProblem(reply, { status: 503, title: 'Not ready', detail: readiness.reason });
      }
      return { status: 'ready', database: deps.databaseKind };
    },
  );
}
