import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import type { EventStore } from '../../src/event-store/port.ts';
import { createReadSide } from '../../src/read-side.ts';
import type { ReadModelStore } from '../../src/read-models/port.ts';
import { defaultStandard } from '../../projections/index.ts';

export interface TestApp {
  app: FastifyInstance;
  store: EventStore;
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Every event in the store, to prove a rejected request appended nothing. */
  eventCount(): Promise<number>;
}

/** The real app on a real (in-memory) SQLite store, closed when the test ends. */
export async function buildTestApp(
  t: Test,
  options: { conflictRetries?: number; store?: EventStore; readModels?: ReadModelStore; minPositionWaitMs?: number } = {},
): Promise<TestApp> {
  const store = options.store ?? createSqliteEventStore({ path: ':memory:' });
  const readSide = createReadSide({
    config: { role: 'all', readModels: { kind: 'memory' } },
    eventStore: store,
    ...(options.readModels ? { readModels: options.readModels } : {}),
  });
  const app = await buildApp({
    config: {
      bodyLimitBytes: 256 * 1024,
      conflictRetries: options.conflictRetries ?? 5,
      eventStore: { kind: 'sqlite', path: ':memory:', durability: 'full' },
      role: 'all',
      minPositionWaitMs: options.minPositionWaitMs ?? 5000,
      dormancyMonths: 24,
    },
    store,
    readSide,
    standard: defaultStandard(),
  });
  await readSide.start();
  t.teardown(() => app.close());
  return {
    app,
    store,
    post: (url, body, headers = {}) =>
      app.inject({ method: 'POST', url, headers: { 'x-actor': 'test-editor', 'x-office': '370200', ...headers }, payload: body as object }),
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers }),
    eventCount: async () => (await store.readAll({ maxCount: 1_000_000 })).length,
  };
}

export const qingdaoDakar = {
  local: { divisionCode: '370200' },
  partner: { nameEn: 'Dakar', nameZh: '达喀尔', country: 'SN', level: 'city' },
  kind: 'sister',
  date: '2021-03-01',
};

export const jinanFriendly = {
  local: { divisionCode: '370100' },
  partner: { nameEn: 'Sacramento', country: 'US', level: 'city' },
  kind: 'friendly_cooperation',
  date: '2020-05-10',
};
