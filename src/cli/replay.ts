/**
 * Entry point of `npm run replay`: reads the configuration for the service's
 * address, admin key and (with --direct) stores, then runs the command.
 */
import { configFromEnv, processIo as io } from './process-io.ts';
import { runReplay } from './replay-command.ts';
import { createBarDisplay } from './replay-display.ts';

async function main(): Promise<number> {
  const config = configFromEnv(io);
  if (!config) return 2;
  return runReplay(process.argv.slice(2), { config, io, display: (targets) => createBarDisplay(targets) });
}

try {
  process.exitCode = await main();
} catch (error) {
  io.err(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
