/**
 * Entry point of `npm run replay`: reads the configuration for the service's
 * address, admin key and (with --direct) stores, then runs the command.
 */
import { ConfigError, loadConfig } from '../config.ts';
import type { CliIo } from './keys-command.ts';
import { runReplay } from './replay-command.ts';
import { createBarDisplay } from './replay-display.ts';

const io: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

async function main(): Promise<number> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`${error.message}\n`);
    return 2;
  }
  return runReplay(process.argv.slice(2), { config, io, display: (targets) => createBarDisplay(targets) });
}

try {
  process.exitCode = await main();
} catch (error) {
  io.err(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
