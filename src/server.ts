import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import pino, { type Logger } from 'pino';
import { app as ledgerApp, serverOptions } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openEventStore } from './event-store/open.ts';
import type { EventStore } from './event-store/port.ts';
import { seedDemoOnStart } from './demo/seed.ts';
import { createReadSide } from './read-side.ts';
import { ensureAdminKey } from './auth/bootstrap.ts';
import { createKeyStore } from './auth/key-store.ts';
import { closeRedisClient, createRedisClient } from './read-models/redis-client.ts';
import { defaultStandards } from '../projections/index.ts';

const USAGE = `Usage: npm start -- [options]

Options (each overrides the environment variable in brackets):
  --port <n>             port to listen on [PORT, default 3000]
  --host <addr>          address to bind [HOST, default 127.0.0.1]
  --data-dir <dir>       where the SQLite event store lives [DATA_DIR, default ./data]
  --event-store <kind>   sqlite | esdb [EVENT_STORE, default sqlite]
  --log-level <level>    fatal | error | warn | info | debug | trace | silent [LOG_LEVEL]
  --demo                 first seed the demo dataset (December 2021 figures) into an empty store,
                         or complete an interrupted demo seed
  -h, --help             show this help
`;

const FLAGS = {
  port: 'PORT',
  host: 'HOST',
  'data-dir': 'DATA_DIR',
  'event-store': 'EVENT_STORE',
  'log-level': 'LOG_LEVEL',
} as const;

interface StartOptions {
  env: Record<string, string | undefined>;
  /** Seed the demo dataset first into an empty store, or complete an interrupted demo seed. */
  demo: boolean;
}

function parseArguments(argv: string[]): StartOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...Object.fromEntries(Object.keys(FLAGS).map((flag) => [flag, { type: 'string' as const }])),
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const env: Record<string, string | undefined> = { ...process.env };
  for (const [flag, variable] of Object.entries(FLAGS)) {
    const value = values[flag as keyof typeof values];
    if (typeof value === 'string') env[variable] = value;
  }
  return { env, demo: values.demo === true };
}

/** Seeds the demo into an empty store or completes an interrupted demo seed; never mixes it into other data. */
async function seedDemoFirst(store: EventStore, conflictRetries: number, logger: Logger) {
  const result = await seedDemoOnStart(store, {
    conflictRetries,
    onSeeding: (resuming) =>
      resuming ? logger.info(resuming, 'resuming the interrupted demo seed') : logger.info('seeding the demo dataset'),
  });
  if (result.outcome === 'refused') {
    logger.warn('--demo ignored: the event store already holds data other than the demo');
  } else if (result.outcome === 'complete') {
    logger.info({ commands: result.commands }, 'demo dataset already complete');
  } else {
    const { commands, replayed, durationMs } = result.summary;
    logger.info({ commands, replayed, seconds: durationMs / 1000 }, result.outcome === 'resumed' ? 'demo dataset completed' : 'demo dataset seeded');
  }
}

async function main() {
  let config;
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
    config = loadConfig(options.env);
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof TypeError ? error.message : String(error);
    process.stderr.write(`${message}\n\n${USAGE}`);
    process.exit(2);
  }
  const logger = pino({ level: config.logLevel });
  const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const standards = defaultStandards();
  const store = await openEventStore(config.eventStore, logger);
  if (options.demo) await seedDemoFirst(store, config.conflictRetries, logger);
  const readSide = createReadSide({ config, eventStore: store, logger });
  const keyStore = createKeyStore(store, { logger, ...(config.adminApiKey ? { provisionedSecret: config.adminApiKey } : {}) });
  const rateLimitRedis =
    config.readModels.kind === 'redis' ? { redis: createRedisClient(config.readModels.url), keyPrefix: config.readModels.keyPrefix } : undefined;
  const deps = { config, store, readSide, standards, keyStore, logger, version, ...(rateLimitRedis ? { rateLimitRedis } : {}) };
  const app = Fastify(serverOptions(deps));
  await app.register(ledgerApp, deps);
  if (rateLimitRedis) app.addHook('onClose', () => closeRedisClient(rateLimitRedis.redis));
  if (config.role !== 'projector') {
    await ensureAdminKey({
      keyStore,
      dataDir: config.dataDir,
      logger,
      reissue: config.adminApiKeyReissue,
      ...(config.adminApiKey ? { adminApiKey: config.adminApiKey } : {}),
    });
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    await app.close();
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  await readSide.start();
  logger.info(
    {
      role: config.role,
      eventStore: config.eventStore.kind,
      ...(config.eventStore.kind === 'sqlite' ? { file: config.eventStore.path } : {}),
      readModels: config.readModels.kind,
    },
    'friendship ledger ready',
  );
}

await main();
