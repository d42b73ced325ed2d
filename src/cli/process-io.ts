import { type Config, ConfigError, loadConfig } from '../config.ts';
import type { CliIo } from './keys-command.ts';

/** The process's own stdout and stderr, for the CLI entry points. */
export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** The configuration from the environment, or undefined after saying what is wrong with it. */
export function configFromEnv(io: CliIo): Config | undefined {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`${error.message}\n`);
    return undefined;
  }
}
