import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

const DOCS_PREFIX = '/api/docs';

/** OpenAPI 3.1 generated from the routes' zod schemas, served at /api/openapi.json and /api/docs. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vouch API',
        version: '0.1.0',
        description:
          'The REST API of Vouch, the customer reference and advocacy platform. Authenticate with POST /api/auth/sign-in; send the returned csrfToken in the x-csrf-token header on every state change. Errors are application/problem+json (RFC 9457).',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'vouch_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    // Fills components.schemas with the schemas named by .meta({ id }), so every $ref resolves.
    transformObject: jsonSchemaTransformObject,
  });
  // The docs page is public; what it documents still needs a session.
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith(DOCS_PREFIX)) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    staticCSP: true,
    transformStaticCSP: (header) =>
      header.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(/upgrade-insecure-requests;?/, '').replace(' validator.swagger.io', ''),
    uiConfig: { docExpansion: 'list', deepLinking: true, validatorUrl: null },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());
});
