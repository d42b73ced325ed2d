/**
 * Entry point of `npm run audit:verify`: recomputes the hash chains of the
 * configured event store (every stream, or one) straight from the store,
 * without the service. Exit code 0: every chain holds; 1: a link is broken;
 * 2: usage or configuration error, or an unknown stream.
 */
import { parseArgs } from 'node:util';
import { openEventStore } from '../event-store/open.ts';
import { formatVerification, type Verification } from '../audit/verify-report.ts';
import { verifyAll, verifyStream } from '../audit/verify.ts';
import { configFromEnv, processIo } from './process-io.ts';

const USAGE = `Usage: npm run audit:verify -- [--stream <name>] [--json]

Recomputes every stream's hash chain in the configured event store
[EVENT_STORE, DATA_DIR, ESDB_CONNECTION_STRING] and reports the first broken
link of each stream. Safe while the service runs: it only reads.

  --stream <name>   verify one stream, e.g. partnership-<id>
  --json            print the result as JSON
  --help            this text

Exit code 0 when every chain holds, 1 when a link is broken, 2 for bad usage
or an unknown stream.
`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: process.argv.slice(2),
      options: { stream: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const config = configFromEnv(processIo);
  if (!config) return 2;

  const ledger = await openEventStore(config.eventStore);
  const started = performance.now();
  const tty = process.stderr.isTTY;
  let reported = 0;
  try {
    const result: Verification =
      args.stream !== undefined
        ? { scope: 'stream', ...(await verifyStream(ledger.stored, args.stream)) }
        : {
            scope: 'all',
            ...(await verifyAll(ledger.stored, {
              onProgress: ({ events, streams, broken }) => {
                const rate = Math.round(events / Math.max((performance.now() - started) / 1000, 0.001));
                const line = `verified ${events.toLocaleString('en')} events in ${streams.toLocaleString('en')} streams, ${rate.toLocaleString('en')} events/s, ${broken} broken`;
                // A terminal gets one line kept up to date; a log gets a line per 50,000 events.
                if (tty) process.stderr.write(`\r${line}`);
                else if (events - reported >= 50_000) {
                  process.stderr.write(`${line}\n`);
                  reported = events;
                }
              },
            })),
          };
    if (tty && result.scope === 'all') process.stderr.write('\n');
    if (result.scope === 'stream' && result.events === 0) {
      process.stderr.write(`No stream ${result.stream}: it has no events.\n`);
      return 2;
    }
    process.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatVerification(result, performance.now() - started));
    return result.ok ? 0 : 1;
  } finally {
    await ledger.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`audit:verify: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
