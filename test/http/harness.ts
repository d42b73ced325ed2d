import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.ts';
import { createLedger, type Ledger } from '../../src/event-store/ledger.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { createReadSide, type ReadSide } from '../../src/read-side.ts';
import { createKeyStore } from '../../src/auth/key-store.ts';
import type { Role } from '../../commands/api-keys/index.ts';
import type { ReadModelStore } from '../../src/read-models/port.ts';
import { defaultStandards } from '../../projections/index.ts';

export interface TestApp {
  app: FastifyInstance;
  store: Ledger;
  readSide: ReadSide;
  /** Keys by role: `editor` is test-editor, an editor of the province, Jinan, Qingdao and Yantai. */
  keys: Record<'admin' | 'editor' | 'qingdaoEditor' | 'viewer' | 'auditor', string>;
  /** The default (editor) Authorization header, for hand-made requests. */
  auth: { authorization: string };
  post(url: string, body: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Every event in the store, to prove a rejected request appended nothing. */
  eventCount(): Promise<number>;
  /**
   * Asserts the events appended to `stream` since the last call for that
   * stream (the first call: since the start) — what the call under test
   * wrote, as Emmett's API specs check it. Each expected event's `data` is
   * matched as a pattern.
   */
  expectNewEvents(stream: string, events: ExpectedEvent[], message?: string): Promise<void>;
}

export interface ExpectedEvent {
  type: string;
  data?: Record<string, unknown>;
}

/** The real app on a real (in-memory) SQLite store, closed when the test ends. */
export async function buildTestApp(
  t: Test,
  options: {
    conflictRetries?: number;
    /** Aggregates the command handler keeps folded; on by default, as in the service. */
    aggregateCacheSize?: number;
    store?: Ledger;
    readModels?: ReadModelStore;
    minPositionWaitMs?: number;
    rateLimitPerMinute?: number;
    /** Shared rate-limit counters, as with Redis read models. */
    rateLimitRedis?: { redis: Redis; keyPrefix: string };
    /** The clock routes read (an ISO instant); the real one by default. */
    clock?: () => string;
    /**
     * The `Accept-Language` the helpers send, for tests that read English
     * titles and messages; none by default, so answers are in Chinese.
     */
    acceptLanguage?: string;
    /** REQUEST_TIMEOUT_MS, for tests on a listening server; 30 s by default. */
    requestTimeoutMs?: number;
    /** The pino logger the app logs to; none by default. */
    logger?: Logger;
  } = {},
): Promise<TestApp> {
  const store = options.store ?? createLedger(createSqliteEventStore({ path: ':memory:' }));
  const keyStore = createKeyStore(store, { refreshIntervalMs: 0 });
  const issue = async (name: string, role: Role, offices?: string[]) =>
    (await keyStore.issue({ name, role, ...(offices ? { offices } : {}) }, 'test-setup')).key;
  const keys = {
    admin: await issue('test-admin', 'admin'),
    editor: await issue('test-editor', 'editor', ['370000', '370100', '370200', '370600']),
    qingdaoEditor: await issue('qingdao-editor', 'editor', ['370200']),
    viewer: await issue('test-viewer', 'viewer'),
    auditor: await issue('test-auditor', 'auditor'),
  };
  const auth = { authorization: `Bearer ${keys.editor}` };
  const language: Record<string, string> = options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {};
  const readSide = createReadSide({
    config: { role: 'all', readModels: { kind: 'memory' } },
    eventStore: store,
    ...(options.readModels ? { readModels: options.readModels } : {}),
  });
  const app = await buildApp({
    config: {
      bodyLimitBytes: 256 * 1024,
      conflictRetries: options.conflictRetries ?? 5,
      aggregateCacheSize: options.aggregateCacheSize ?? 10_000,
      eventStore: { kind: 'sqlite', path: ':memory:', durability: 'full' },
      role: 'all',
      minPositionWaitMs: options.minPositionWaitMs ?? 5000,
      dormancyMonths: 24,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 0,
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    },
    store,
    readSide,
    standards: defaultStandards(),
    keyStore,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.rateLimitRedis ? { rateLimitRedis: options.rateLimitRedis } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await readSide.start();
  t.teardown(() => app.close());
  const seen = new Map<string, number>();
  return {
    app,
    store,
    readSide,
    keys,
    auth,
    post: (url, body, headers = {}) => app.inject({ method: 'POST', url, headers: { ...auth, ...language, ...headers }, payload: body as object }),
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { ...auth, ...language, ...headers } }),
    // Only the ledger's own streams: the API keys live in the log too.
    // The pair lists a proposal adds to once it is recorded (`commands/partnership/pair-claims.ts`) are bookkeeping too.
    eventCount: async () => (await store.readAll({ maxCount: 1_000_000 })).filter((e) => e.stream !== 'api-keys' && !e.stream.startsWith('pair-')).length,
    async expectNewEvents(stream, events, message = `new events on ${stream}`) {
      const appended = await store.readStream(stream, { fromRevision: (seen.get(stream) ?? -1) + 1 });
      const last = appended.at(-1);
      if (last) seen.set(stream, last.revision);
      t.match(
        appended.map((event) => ({ type: event.type, data: event.data })),
        events.map((event) => ({ type: event.type, ...(event.data ? { data: event.data } : {}) })),
        message,
      );
      t.equal(appended.length, events.length, `${message}: ${events.length} appended`);
    },
  };
}

export const qingdaoDakar = {
  local: { divisionCode: '370200' },
  partner: { nameEn: 'Dakar', nameZh: '达喀尔', country: 'SN', level: 'city' },
  kind: 'sister',
  date: '2021-03-01',
};

/** Another Qingdao sister proposal in Senegal, a pair of its own (the same pair is not proposed twice). */
export const qingdaoPair = (n: number) => ({ ...qingdaoDakar, partner: { nameEn: `Senegal partner ${n}`, country: 'SN', level: 'city' } });

/** A project body led by Qingdao, planned for 2022–2023, serving the given partnership. */
export const qingdaoTrainingCentre = (partnershipId: string) => ({
  title: 'Training centre',
  sector: 'port_logistics',
  partnershipIds: [partnershipId],
  leadOffice: '370200',
  plannedStart: '2022-01-01',
  plannedEnd: '2023-06-30',
  date: '2021-11-01',
});

export const jinanFriendly = {
  local: { divisionCode: '370100' },
  partner: { nameEn: 'Sacramento', country: 'US', level: 'city' },
  kind: 'friendly_cooperation',
  date: '2020-05-10',
};
