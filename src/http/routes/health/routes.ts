import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { migrationsAreCurrent } from '../../../db/migrate.js';
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
      try {
        await deps.db.execute(sql`select 1`);
        if (!(await migrationsAreCurrent(deps.db))) {
          return sendProblem(reply, { status: 503, title: 'Not ready', detail: 'Database migrations are pending.' });
        }
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return sendProblem(reply, { status: 503, title: 'Not ready', detail: 'The database is not reachable.' });
      }
      return { status: 'ready', database: deps.databaseKind };
    },
  );
}
