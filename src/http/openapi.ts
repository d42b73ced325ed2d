import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';

/** OpenAPI 3 generated from the routes' zod schemas, served as JSON and with a UI. */
export async function registerOpenApi(app: FastifyInstance, version: string) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Friendship-city partnership ledger',
        description:
          'Event-sourced record of international friendship-city partnerships. Writes answer `{ id, revision, position }` ' +
          'with an `ETag`; send `If-Match` for conditional writes and `Idempotency-Key` for safe retries. ' +
          'Errors are application/problem+json with a stable `code`. ' +
          'Texts meant for people (problem titles, details and field messages, dashboard labels) are in Simplified Chinese ' +
          'unless `Accept-Language` or `?lang=en` (which every route accepts) asks for English; codes, enum values and ' +
          'field paths are the same in both. `GET /vocabulary` lists every enum with both labels.',
        version,
      },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: Authorization: Bearer <key>' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
