import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * Every setting the service reads, parsed once at start. Nothing else in the
 * code reads `process.env`.
 */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  EVENT_STORE: z.enum(['sqlite', 'esdb']).default('sqlite'),
  ESDB_CONNECTION_STRING: z.string().startsWith('esdb').optional(),
  SQLITE_DURABILITY: z.enum(['full', 'normal', 'off']).default('full'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  CONFLICT_RETRIES: z.coerce.number().int().min(0).max(20).default(5),
  AGGREGATE_CACHE_SIZE: z.coerce.number().int().min(0).max(10_000_000).default(10_000),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  ROLE: z.enum(['all', 'api', 'projector']).default('all'),
  READ_MODEL_STORE: z.enum(['memory', 'redis']).default('memory'),
  READ_MODEL_SNAPSHOT_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL').default('redis://127.0.0.1:6379'),
  REDIS_KEY_PREFIX: z.string().regex(/^[\w.-]{1,50}$/).default('ledger'),
  MIN_POSITION_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  DORMANCY_MONTHS: z.coerce.number().int().min(1).max(240).default(24),
  ADMIN_API_KEY: z.string().min(32).max(256).regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only').optional(),
  ADMIN_API_KEY_REISSUE: z.enum(['0', '1']).default('0'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
});

export type Env = z.input<typeof ConfigSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  eventStore: { kind: 'sqlite'; path: string; durability: 'full' | 'normal' | 'off' } | { kind: 'esdb'; connectionString: string };
  logLevel: z.infer<typeof ConfigSchema>['LOG_LEVEL'];
  bodyLimitBytes: number;
  conflictRetries: number;
  /** Recently used aggregates kept folded in memory, so a command reads only the events after them (0: none). */
  aggregateCacheSize: number;
  shutdownTimeoutMs: number;
  /** A request not fully received and answered in this time is cut off (slow clients cannot hold sockets). */
  requestTimeoutMs: number;
  /** `all`: API and projections in one process; `api`: HTTP only; `projector`: projections only. */
  role: 'all' | 'api' | 'projector';
  /**
   * Memory read models are written to `snapshot.path` on shutdown and every
   * `everySeconds` (0: only on shutdown) and resumed from it at start.
   */
  readModels: { kind: 'memory'; snapshot?: { path: string; everySeconds: number } } | { kind: 'redis'; url: string; keyPrefix: string };
  /** How long a read with `minPosition` waits for the projections before a 503. */
  minPositionWaitMs: number;
  /** No activity for this long marks a partnership as dormant on the dashboards. */
  dormancyMonths: number;
  /** Provisions the first admin key instead of generating one (for automation). */
  adminApiKey?: string;
  /** Issues a new admin key at start when every admin key was revoked (an operator's explicit recovery). */
  adminApiKeyReissue: boolean;
  /** Requests per minute per API key (per address without one); 0 turns the limit off. */
  rateLimitPerMinute: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.fromEntries(
    Object.keys(ConfigSchema.shape).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const parsed = ConfigSchema.safeParse(known);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  if (c.EVENT_STORE === 'esdb' && !c.ESDB_CONNECTION_STRING) {
    throw new ConfigError('invalid configuration: ESDB_CONNECTION_STRING is required when EVENT_STORE=esdb');
  }
  if (c.ROLE !== 'all' && c.READ_MODEL_STORE === 'memory') {
    throw new ConfigError(`invalid configuration: ROLE=${c.ROLE} needs READ_MODEL_STORE=redis (memory read models live in one process)`);
  }
  const dataDir = resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    eventStore:
      c.EVENT_STORE === 'esdb'
        ? { kind: 'esdb', connectionString: c.ESDB_CONNECTION_STRING as string }
        : { kind: 'sqlite', path: resolve(dataDir, 'events.db'), durability: c.SQLITE_DURABILITY },
    logLevel: c.LOG_LEVEL,
    bodyLimitBytes: c.BODY_LIMIT_BYTES,
    conflictRetries: c.CONFLICT_RETRIES,
    aggregateCacheSize: c.AGGREGATE_CACHE_SIZE,
    shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    role: c.ROLE,
    readModels:
      c.READ_MODEL_STORE === 'redis'
        ? { kind: 'redis', url: c.REDIS_URL, keyPrefix: c.REDIS_KEY_PREFIX }
        : { kind: 'memory', snapshot: { path: resolve(dataDir, 'read-models.snapshot.ndjson'), everySeconds: c.READ_MODEL_SNAPSHOT_SECONDS } },
    minPositionWaitMs: c.MIN_POSITION_WAIT_MS,
    dormancyMonths: c.DORMANCY_MONTHS,
    ...(c.ADMIN_API_KEY ? { adminApiKey: c.ADMIN_API_KEY } : {}),
    adminApiKeyReissue: c.ADMIN_API_KEY_REISSUE === '1',
    rateLimitPerMinute: c.RATE_LIMIT_PER_MINUTE,
  };
}
