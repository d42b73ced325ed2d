import { parseArgs } from 'node:util';

export const SUITES = ['store', 'reads', 'commands', 'large'] as const;
export type SuiteName = (typeof SUITES)[number];
export const DEFAULT_SUITES: readonly SuiteName[] = ['store', 'reads', 'commands'];

export const USAGE = `Usage: npm run bench -- [suite…] [options]

Suites (default: store reads commands; large only when named):
  store      event-store append throughput (SQLite adapter and ledger) and the hash-chain check
  reads      dashboard and register reads of the demo dataset, against bare fastify
  commands   RecordActivity writes over HTTP, against bare fastify; a long stream against a fresh one
  large      1,000,000 events: generation, readAll rate, start to ready, reads, restart, Redis read models

Options:
  --duration <s>      seconds of load per case [default 10]
  --warmup <s>        seconds of load before each case, not measured [default 2]
  --connections <n>   concurrent connections of the load generator [default 50]
  --json <file>       also write every result as JSON
  --keep <dir>        large: keep the generated store in <dir> and reuse it on later runs
  --durability <d>    commands: only SQLITE_DURABILITY full or normal [default both]
  -h, --help          show this help

Everything runs on 127.0.0.1, and every wait is bounded.
`;

export interface BenchOptions {
  suites: SuiteName[];
  durationSec: number;
  warmupSec: number;
  connections: number;
  json?: string;
  keep?: string;
  durability?: 'full' | 'normal';
  help: boolean;
}

function number(name: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max) throw new TypeError(`--${name} must be a number from ${min} to ${max}, not ${text}`);
  return value;
}

/** Parses the command line; throws a TypeError with a message for the user on bad input. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '50' },
      json: { type: 'string' },
      keep: { type: 'string' },
      durability: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const unknown = positionals.filter((name) => !(SUITES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new TypeError(`unknown suite ${unknown.join(', ')}; the suites are ${SUITES.join(', ')}`);
  const named = positionals as SuiteName[];
  if (values.durability !== undefined && values.durability !== 'full' && values.durability !== 'normal') {
    throw new TypeError(`--durability must be full or normal, not ${values.durability}`);
  }
  return {
    suites: named.length > 0 ? [...new Set(named)] : [...DEFAULT_SUITES],
    durationSec: number('duration', values.duration, 1, 600),
    warmupSec: number('warmup', values.warmup, 0, 60),
    connections: Math.round(number('connections', values.connections, 1, 1000)),
    ...(values.json !== undefined ? { json: values.json } : {}),
    ...(values.keep !== undefined ? { keep: values.keep } : {}),
    ...(values.durability !== undefined ? { durability: values.durability } : {}),
    help: values.help,
  };
}
