import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import { advocateAuthPlugin } from './plugins/advocate-auth.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { spaPlugin } from './plugins/spa.js';
import { registerAccountRoutes } from './routes/accounts/routes.js';
import { registerActivityRoutes } from './routes/activities/routes.js';
import { registerAdvocateImpactRoutes } from './routes/advocate-impact/routes.js';
import { registerAdvocateRoutes } from './routes/advocates/routes.js';
import { registerApprovalRoutes } from './routes/approvals/routes.js';
import { registerAskRoutes } from './routes/ask/routes.js';
import { registerAuditEventRoutes } from './routes/audit-events/routes.js';
import { registerAuthRoutes } from './routes/auth/routes.js';
import { registerDebriefRoutes } from './routes/debriefs/routes.js';
import { registerHealthRoutes } from './routes/health/routes.js';
import { registerImportRoutes } from './routes/imports/routes.js';
import { registerInvitationRoutes } from './routes/invitations/routes.js';
import { registerMatchingRoutes } from './routes/matching/routes.js';
import { registerMetaRoutes } from './routes/meta/routes.js';
import { registerNotificationPreferenceRoutes } from './routes/notification-preferences/routes.js';
import { registerNotificationRoutes } from './routes/notifications/routes.js';
import { registerOpportunityRoutes } from './routes/opportunities/routes.js';
import { registerOpportunityOutcomeRoutes } from './routes/opportunity-outcomes/routes.js';
import { registerOutboxMessageRoutes } from './routes/outbox-messages/routes.js';
import { registerWebhookEndpointRoutes } from './routes/webhook-endpoints/routes.js';
import { registerPortalRoutes } from './routes/portal/routes.js';
import { registerPortalProfileRoutes } from './routes/portal-profile/routes.js';
import { registerProfileChangeRoutes } from './routes/profile-changes/routes.js';
import { registerPipelineStageRoutes } from './routes/pipeline-stages/routes.js';
import { registerProgramQueueRoutes } from './routes/program-queue/routes.js';
import { registerProgramPolicyRoutes } from './routes/program-policies/routes.js';
import { registerRequestRoutes } from './routes/requests/routes.js';
import { registerSavedSearchRoutes } from './routes/saved-searches/routes.js';
import { registerSchedulingRoutes } from './routes/scheduling/routes.js';
import { registerTaxonomyRoutes } from './routes/taxonomy/routes.js';
import { registerThankYouRoutes } from './routes/thank-yous/routes.js';
import type { RouteDeps } from './routes/types.js';
import { registerUserRoutes } from './routes/users/routes.js';

export const WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface BuildAppOptions {
  database: Database;
  config: Config;
  logger: Logger;
  now?: () => Date;
  webRoot?: string;
}

/** Never let a secret reach a log line, whatever a future log call passes in. */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...['password', 'currentPassword', 'newPassword', 'token', 'csrfToken', 'passwordHash'].flatMap((key) => [key, `*.${key}`]),
];

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // While shutting down, answers in flight close their connection, so keep-alive clients
  // do not hold the process open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.server.closeIdleConnections();
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  const deps: RouteDeps = {
    db: database.db,
    config,
    now: options.now ?? (() => new Date()),
    log: options.logger,
    secureCookies: config.secureCookies,
  };

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { https: config.secureCookies });
  await app.register(openapiPlugin);
  await app.register(authPlugin, { deps, secureCookies: config.secureCookies, publicUrl: config.publicUrl });
  await app.register(advocateAuthPlugin, { deps });

  registerHealthRoutes(app, { ...deps, databaseKind: database.kind });
  registerMetaRoutes(app);
  registerAuthRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerInvitationRoutes(app, deps);
  registerAuditEventRoutes(app, deps);
  registerOutboxMessageRoutes(app, deps);
  registerWebhookEndpointRoutes(app, deps);
  registerTaxonomyRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerAdvocateRoutes(app, deps);
  registerSavedSearchRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerOpportunityRoutes(app, deps);
  registerPipelineStageRoutes(app, deps);
  registerProgramPolicyRoutes(app, deps);
  registerSchedulingRoutes(app, deps);
  registerActivityRoutes(app, deps);
  registerDebriefRoutes(app, deps);
  registerThankYouRoutes(app, deps);
  registerOpportunityOutcomeRoutes(app, deps);
  registerRequestRoutes(app, deps);
  registerMatchingRoutes(app, deps);
  registerApprovalRoutes(app, deps);
  registerProgramQueueRoutes(app, deps);
  registerAskRoutes(app, deps);
  registerPortalRoutes(app, deps);
  registerPortalProfileRoutes(app, deps);
  registerProfileChangeRoutes(app, deps);
  registerAdvocateImpactRoutes(app, deps);
  registerNotificationRoutes(app, deps);
  registerNotificationPreferenceRoutes(app, deps);

  await app.register(spaPlugin, { webRoot: options.webRoot ?? WEB_ROOT });
  return app;
}
