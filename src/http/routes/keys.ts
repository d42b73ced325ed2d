/** Key management for admins: issue, list, revoke. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { KEY_NAME, ROLES, keySpecProblems } from '../../../commands/api-keys/index.ts';
import { plainText } from '../../../commands/shared/schemas.ts';
import { requirePrincipal } from '../../auth/plugin.ts';
import { Problem } from '../schemas.ts';
import type { RouteServices } from '../services.ts';

const KeyName = z.string().regex(KEY_NAME, 'must be 2 to 63 characters: a-z, 0-9, ".", "_" or "-", starting with a letter or digit');
const Office = z.string().regex(/^\d{6}$/, 'must be a 6-digit division code');

const IssueBody = z
  .object({
    name: KeyName,
    role: z.enum(ROLES),
    offices: z.array(Office).max(17).optional().describe('Editors only: 370000 and/or prefecture-city codes such as 370200'),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const problem of keySpecProblems(body)) {
      ctx.addIssue({ code: 'custom', message: problem.message, path: problem.path, params: { code: problem.code } });
    }
  });

const KeyRecordSchema = z
  .object({
    name: z.string(),
    role: z.enum(ROLES),
    offices: z.array(z.string()),
    prefix: z.string().optional().describe('The first characters of the key, to recognise it'),
    issuedAt: z.string(),
    issuedBy: z.string(),
  })
  .meta({ id: 'ApiKey' });

const IssuedKey = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  offices: z.array(z.string()),
  key: z.string().describe('The API key. It is shown only in this response: store it now.'),
});

const problems = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

export const keyRoutes: FastifyPluginAsync<Pick<RouteServices, 'keyStore'>> = async (app, { keyStore }) => {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api keys'];

  typed.post(
    '/admin/keys',
    {
      config: { access: 'admin' },
      schema: { summary: 'Issue an API key', tags, body: IssueBody, response: { 201: IssuedKey, ...problems } },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { key, record } = await keyStore.issue(request.body, principal.name, { correlationId: request.correlationId || request.id });
      // The one response that carries a secret must not be kept by any cache.
      return reply.code(201).header('cache-control', 'no-store').send({ name: record.name, role: record.role, offices: record.offices, key });
    },
  );

  typed.get(
    '/admin/keys',
    {
      config: { access: 'admin' },
      schema: { summary: 'The API keys that are not revoked', tags, response: { 200: z.object({ keys: z.array(KeyRecordSchema) }), ...problems } },
    },
    async () => ({ keys: await keyStore.list() }),
  );

  typed.delete(
    '/admin/keys/:name',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Revoke an API key',
        tags,
        params: z.object({ name: KeyName }),
        querystring: z
          .object({
            reason: plainText().min(1).max(500).optional(),
            force: z
              .enum(['true', 'false'])
              .transform((value) => value === 'true')
              .optional()
              .describe('Required to revoke the last active admin key, after which nobody can manage keys'),
          })
          .strict(),
        response: { 204: z.null().describe('Revoked'), ...problems },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { reason, force } = request.query;
      await keyStore.revoke(request.params.name, principal.name, {
        correlationId: request.correlationId || request.id,
        ...(reason !== undefined ? { reason } : {}),
        ...(force !== undefined ? { force } : {}),
      });
      return reply.code(204).send(null);
    },
  );
};
