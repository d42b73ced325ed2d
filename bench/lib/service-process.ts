import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { type LoggedChild, logTail, spawnLogged, stopChild, waitForLogLine } from './child-process.ts';
import { type Memory, readMemory } from './proc-status.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** 32 random bytes in base64url: 43 visible characters, a valid ADMIN_API_KEY. */
export const generateAdminKey = (): string => randomBytes(32).toString('base64url');

export interface ServiceOptions {
  dataDir: string;
  adminKey: string;
  /** Where the service's output goes. */
  logPath: string;
  /** Settings on top of the measurement defaults (e.g. SQLITE_DURABILITY, READ_MODEL_STORE). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

export interface RunningService {
  url: string;
  pid: number;
  adminKey: string;
  logPath: string;
  /** From spawn to the first `/ready` answering `"status":"ready"`. */
  startToReadyMs: number;
  memory(): Promise<Memory>;
  /** SIGTERM; answers how long the shutdown took and the exit code. */
  stop(): Promise<{ ms: number; forced: boolean; code: number | null }>;
}

export class NotReadyError extends Error {
  override readonly name = 'NotReadyError';
  constructor(
    readonly seconds: number,
    readonly memory: Memory,
    detail: string,
  ) {
    super(`not ready after ${seconds.toFixed(0)} s${detail ? `: ${detail}` : ''}`);
  }
}

/**
 * The settings every measurement runs with. The per-key rate limit is off,
 * or the load generator would measure 429s; LOG_LEVEL=info is the
 * production default and prints the port the service picked.
 */
function serviceEnv(options: ServiceOptions): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: options.dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    ADMIN_API_KEY: options.adminKey,
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'info',
    EVENT_STORE: 'sqlite',
    ROLE: 'all',
    SQLITE_DURABILITY: 'full',
    READ_MODEL_STORE: 'memory',
    ...options.env,
  };
}

/** Starts `node --import tsx src/server.ts` and waits until it is listening and `/ready` says ready. */
export async function startService(options: ServiceOptions): Promise<RunningService> {
  const timeoutMs = options.readyTimeoutMs ?? 120_000;
  const target = spawnLogged(['--import', 'tsx', join(PROJECT_ROOT, 'src/server.ts')], {
    env: serviceEnv(options),
    logPath: options.logPath,
    cwd: PROJECT_ROOT,
  });
  try {
    const match = await waitForLogLine(target, /Server listening at (http:\/\/127\.0\.0\.1:\d+)/, timeoutMs);
    const url = match[1] as string;
    await waitUntilReady(target, url, target.spawnedAt + timeoutMs);
    const startToReadyMs = performance.now() - target.spawnedAt;
    return {
      url,
      pid: target.pid,
      adminKey: options.adminKey,
      logPath: options.logPath,
      startToReadyMs,
      memory: () => readMemory(target.pid),
      stop: () => stopChild(target),
    };
  } catch (error) {
    const memory = await readMemory(target.pid);
    const exited = !target.isRunning();
    await stopChild(target, 10_000);
    const seconds = (performance.now() - target.spawnedAt) / 1000;
    const reason = error instanceof Error ? error.message : String(error);
    // A service that exited by itself says why at the end of its log.
    throw new NotReadyError(seconds, memory, exited ? `${reason}\n${logTail(options.logPath)}` : reason);
  }
}

async function waitUntilReady(target: LoggedChild, url: string, deadline: number): Promise<void> {
  for (;;) {
    if (!target.isRunning()) throw new Error('the service exited while starting');
    const status = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(5_000) })
      .then((response) => response.text())
      .catch(() => '');
    if (status.includes('"status":"ready"')) return;
    if (performance.now() > deadline) {
      throw new Error(status ? `/ready still answers ${status.slice(0, 120)}` : '/ready gave no answer within 5 s');
    }
    await sleep(100);
  }
}
