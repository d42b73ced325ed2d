/**
 * `npm run bench`: the service measured against a bare fastify ceiling in
 * the same run, as ratios. Each suite starts what it measures as separate
 * processes on 127.0.0.1, bounds every wait, and stops everything it started.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { SuiteContext } from './lib/context.ts';
import { type BenchOptions, parseOptions, type SuiteName, USAGE } from './lib/options.ts';
import type { SuiteReport } from './lib/report.ts';
import { formatTable } from './lib/table.ts';
import { commandsSuite } from './suites/commands.ts';
import { largeSuite } from './suites/large.ts';
import { readsSuite } from './suites/reads.ts';
import { storeSuite } from './suites/store.ts';

const RUNNERS: Record<SuiteName, (context: SuiteContext) => Promise<SuiteReport>> = {
  store: storeSuite,
  reads: readsSuite,
  commands: commandsSuite,
  large: largeSuite,
};

function machine() {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version, platform: process.platform };
}

function printReport(report: SuiteReport) {
  console.log(`\n== ${report.suite}: results (${report.seconds.toFixed(0)} s)`);
  for (const table of report.tables) console.log(`\n${formatTable(table)}`);
  if (report.notes.length > 0) console.log(`\n${report.notes.map((note) => `- ${note}`).join('\n')}`);
}

async function main(options: BenchOptions): Promise<number> {
  const workDir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const context: SuiteContext = {
    load: { connections: options.connections, durationSec: options.durationSec, warmupSec: options.warmupSec },
    workDir,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    ...(options.keep !== undefined ? { keepDir: resolve(options.keep) } : {}),
    ...(options.durability !== undefined ? { durability: options.durability } : {}),
  };
  const host = machine();
  console.log(`${host.cpus} × ${host.cpuModel}, ${host.memoryMb} MB, Node ${host.node}; ${options.connections} connections, ${options.durationSec} s per case after ${options.warmupSec} s of warm-up`);
  const startedAt = new Date().toISOString();
  const reports: SuiteReport[] = [];
  let failed = false;
  try {
    for (const suite of options.suites) {
      console.log(`\n== ${suite}`);
      try {
        const report = await RUNNERS[suite](context);
        reports.push(report);
        printReport(report);
      } catch (error) {
        failed = true;
        console.error(`suite ${suite} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  if (options.json !== undefined) {
    const settings = { suites: options.suites, durationSec: options.durationSec, warmupSec: options.warmupSec, connections: options.connections };
    mkdirSync(dirname(resolve(options.json)), { recursive: true });
    writeFileSync(options.json, `${JSON.stringify({ startedAt, finishedAt: new Date().toISOString(), machine: host, settings, suites: reports }, null, 2)}\n`);
    console.log(`\nresults written to ${options.json}`);
  }
  return failed ? 1 : 0;
}

let options: BenchOptions;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (options.help) {
  process.stdout.write(USAGE);
} else {
  process.exitCode = await main(options);
}
