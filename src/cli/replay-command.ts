/**
 * `replay <projection>… | --all`: asks the running service to rebuild read
 * models from position zero, shows their progress and returns once each
 * serves its new version. Argument handling and output, apart from process
 * setup, so tests can drive it against any service.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ADMIN_KEY_FILE } from '../auth/bootstrap.ts';
import type { Config } from '../config.ts';
import { ReplayError, createAdminClient, type ProjectionView } from './replay-client.ts';
import { rebuildDirectly, MEMORY_EXPLANATION } from './replay-direct.ts';
import type { ReplayDisplay } from './replay-follow.ts';
import { follow, type Rebuilt } from './replay-follow.ts';
import type { CliIo } from './keys-command.ts';

export const USAGE = `Usage: npm run replay -- <projection>... | --all [options]

Rebuilds read models from position zero while the service keeps answering:
each new version is built next to the one readers see, and readers switch to
it once it has caught up. Exits 0 once every projection named is live on its
new version.

Projections: register, portfolio, campaigns, reports.

Options:
  --all                 rebuild every projection
  --url <url>           the service [default http://HOST:PORT from the environment,
                        i.e. http://127.0.0.1:3000]
  --direct              rebuild in this process instead of asking the service: only with
                        READ_MODEL_STORE=redis and no other projector running (it takes
                        the projector lock), e.g. while the ROLE=projector process is stopped
  --timeout <seconds>   give up waiting after this long; 0 waits for ever [default 3600]
  -h, --help            show this help

The admin key comes from ADMIN_API_KEY, or else from DATA_DIR/admin-api-key.
Rebuilds run where the projections run (ROLE=all); a ROLE=api process refuses.

Exit codes: 0 rebuilt, 1 refused, failed or unreachable, 2 bad usage.
`;

export interface ReplayContext {
  config: Pick<Config, 'host' | 'port' | 'dataDir' | 'adminApiKey' | 'eventStore' | 'readModels'> & Partial<Pick<Config, 'dormancyMonths'>>;
  io: CliIo;
  display(targets: ReadonlyMap<string, string>): ReplayDisplay;
  /** How often progress is polled; tests shorten it. */
  pollMs?: number;
}

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function serviceUrl(config: ReplayContext['config']): string {
  // A wildcard bind address is not one to connect to.
  const host = ['0.0.0.0', '::', ''].includes(config.host) ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`;
}

async function adminKey(config: ReplayContext['config']): Promise<string> {
  if (config.adminApiKey) return config.adminApiKey;
  const path = join(config.dataDir, ADMIN_KEY_FILE);
  const key = await readFile(path, 'utf8').then((text) => text.trim(), () => '');
  if (key === '') throw new ReplayError(`no admin key: set ADMIN_API_KEY, or run where ${path} exists (the server writes it at its first start).`, 2);
  return key;
}

function parse(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      all: { type: 'boolean', default: false },
      url: { type: 'string' },
      direct: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '3600' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  const timeout = Number(values.timeout);
  if (!Number.isFinite(timeout) || timeout < 0) throw new UsageError(`--timeout must be a number of seconds, not ${values.timeout}`);
  if (!values.help && values.all === positionals.length > 0) throw new UsageError('name the projections to rebuild, or pass --all (not both)');
  if (values.direct && values.url !== undefined) throw new UsageError('--direct rebuilds in this process; it takes no --url');
  return { ...values, names: positionals, timeoutMs: timeout * 1000 };
}

function summary(rebuilt: Rebuilt[], seconds: number): string {
  const width = Math.max(...rebuilt.map((r) => r.name.length));
  const lines = rebuilt.map(
    (r) => `  ${r.name.padEnd(width)}  live on version ${r.version}` + (r.eventsPerSecond === null ? '' : `, ${r.eventsPerSecond.toLocaleString('en')} events/s`),
  );
  return `Rebuilt ${rebuilt.length} projection${rebuilt.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s:\n${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code (0 rebuilt, 1 refused or failed, 2 bad usage). */
export async function runReplay(argv: string[], context: ReplayContext): Promise<number> {
  const { config, io } = context;
  const pollMs = context.pollMs ?? 500;
  const began = Date.now();
  let options;
  try {
    options = parse(argv);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    io.out(USAGE);
    return 0;
  }
  const announce = (where: string) => (targets: ReadonlyMap<string, string>) =>
    io.err(`Rebuilding ${[...targets].map(([name, version]) => `${name} (version ${version})`).join(', ')} ${where}\n`);

  try {
    let rebuilt: Rebuilt[];
    if (options.direct) {
      rebuilt = await rebuildDirectly({
        config,
        wanted: options.all ? 'all' : options.names,
        display: context.display,
        onStart: announce('in this process (projector lock held)'),
        pollMs,
        timeoutMs: options.timeoutMs,
      });
    } else {
      const client = createAdminClient(options.url ?? serviceUrl(config), await adminKey(config));
      const answer = await client.rebuild(options.all ? { all: true } : { projections: options.names });
      const targets = new Map<string, string>();
      for (const view of answer.projections) targets.set(view.name, targetOf(view));
      announce(`on ${client.url}`)(targets);
      if (answer.alreadyRunning.length > 0) io.err(`Already running, followed: ${answer.alreadyRunning.join(', ')}\n`);
      rebuilt = await follow({ targets, poll: client.status, display: context.display(targets), pollMs, timeoutMs: options.timeoutMs });
    }
    io.out(summary(rebuilt, (Date.now() - began) / 1000));
    return 0;
  } catch (error) {
    if (!(error instanceof ReplayError)) throw error;
    io.err(`replay: ${error.message}\n`);
    if (error.unreachable) {
      io.err(
        config.readModels.kind === 'memory'
          ? `${MEMORY_EXPLANATION}\n`
          : 'With Redis read models you can rebuild without the service: `npm run replay -- --direct …` (only while no other projector runs).\n',
      );
    }
    return error.exitCode;
  }
}

function targetOf(view: ProjectionView): string {
  const version = view.building?.version ?? view.lastRebuild?.version;
  if (version === undefined) throw new ReplayError(`the service started no rebuild of ${view.name} (${view.state})`);
  return version;
}
