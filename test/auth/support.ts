import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { Test } from 'tap';
import { createKeyStore, type KeyStore, type KeyStoreOptions } from '../../src/auth/key-store.ts';
import { registerAuth } from '../../src/auth/plugin.ts';
import { keyRoutes } from '../../src/http/routes/keys.ts';
import type { Access } from '../../src/auth/policy.ts';
import { z } from 'zod';
import type { EventStore } from '../../src/event-store/port.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { registerErrorHandling } from '../../src/http/error-handler.ts';
import { validatorCompiler } from '../../src/http/validation.ts';

/** A real in-memory SQLite event store, closed when the test ends. */
export function memoryStore(t: Test): EventStore {
  const store = createSqliteEventStore({ path: ':memory:' });
  t.teardown(() => store.close());
  return store;
}

export function keyStoreOn(store: EventStore, options: KeyStoreOptions = {}): KeyStore {
  return createKeyStore(store, { refreshIntervalMs: 0, ...options });
}

export const ACCESS_LEVELS: Access[] = ['read', 'write', 'audit', 'admin'];

/**
 * A small app with one route per access level, one without a declaration,
 * public operations routes and the key routes, authenticated by `keyStore`.
 */
export async function buildAuthApp(t: Test, keyStore: KeyStore): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerAuth(app, { keyStore });
  const whoAmI = async (request: { principal: unknown; actor: unknown }) => ({ principal: request.principal, actor: request.actor });
  app.get('/things', { config: { access: 'read' } }, whoAmI);
  app.post('/things', { config: { access: 'write' }, schema: { body: z.object({ title: z.string() }) } }, whoAmI);
  app.get('/audit/things', { config: { access: 'audit' } }, whoAmI);
  app.post('/admin/things', { config: { access: 'admin' } }, whoAmI);
  app.get('/undeclared', whoAmI);
  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/docs/static/*', async () => 'ui');
  await app.register(keyRoutes, { keyStore });
  await app.ready();
  t.teardown(() => app.close());
  return app;
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
